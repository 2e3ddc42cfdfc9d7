package core

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// expiryMargin is how long before an OAuth2 token expires that a new one is fetched instead.
const expiryMargin = 30 * time.Second

// oauthToken is the access token of one OAuth2 client-credentials flow: fetched on first use
// (once, for calls that start together), kept until shortly before it expires, fetched again
// when the API answers 401.
type oauthToken struct {
	mu      sync.Mutex
	token   string
	expires time.Time
}

// tokens are a client's OAuth2 tokens, by scheme and client id.
type tokens struct {
	mu    sync.Mutex
	cache map[string]*oauthToken
}

func (t *tokens) of(scheme Scheme, clientID string) *oauthToken {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.cache == nil {
		t.cache = map[string]*oauthToken{}
	}
	key := scheme.Name + "\x00" + clientID
	if t.cache[key] == nil {
		t.cache[key] = &oauthToken{}
	}
	return t.cache[key]
}

// get is the cached token while it is good, else a new one from the token endpoint.
func (o *oauthToken) get(ctx context.Context, client HTTPClient, base string, scheme Scheme, values []string) (string, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.token != "" && time.Now().Before(o.expires) {
		return o.token, nil
	}
	return o.fetch(ctx, client, base, scheme, values)
}

// forget drops `token` (the API refused it), unless another call already replaced it.
func (o *oauthToken) forget(token string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.token == token {
		o.token = ""
	}
}

func (o *oauthToken) fetch(ctx context.Context, client HTTPClient, base string, scheme Scheme, values []string) (string, error) {
	endpoint, err := url.Parse(strings.TrimRight(base, "/") + "/")
	if err != nil {
		return "", err
	}
	relative, err := url.Parse(scheme.TokenURL)
	if err != nil {
		return "", err
	}
	form := url.Values{"grant_type": {"client_credentials"}}
	if len(scheme.Scopes) > 0 {
		form.Set("scope", strings.Join(scheme.Scopes, " "))
	}
	request, err := http.NewRequestWithContext(ctx, http.MethodPost, endpoint.ResolveReference(relative).String(), strings.NewReader(form.Encode()))
	if err != nil {
		return "", err
	}
	pair := values[0] + ":" + values[1]
	request.Header.Set("Authorization", "Basic "+base64.StdEncoding.EncodeToString([]byte(pair)))
	request.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	request.Header.Set("Accept", "application/json")
	response, err := client.Do(request)
	if err != nil {
		return "", err
	}
	defer response.Body.Close()
	body, err := io.ReadAll(response.Body)
	if err != nil {
		return "", err
	}
	if response.StatusCode >= 400 {
		return "", &APIError{StatusCode: response.StatusCode, Header: response.Header, Body: body}
	}
	var answer struct {
		AccessToken string   `json:"access_token"`
		ExpiresIn   *float64 `json:"expires_in"`
	}
	if json.Unmarshal(body, &answer) != nil || answer.AccessToken == "" {
		return "", &ConfigurationError{Message: "the token endpoint of " + scheme.Name + " answered without an access_token"}
	}
	o.token = answer.AccessToken
	o.expires = time.Now().Add(100 * 365 * 24 * time.Hour)
	if answer.ExpiresIn != nil {
		lifetime := time.Duration(*answer.ExpiresIn * float64(time.Second))
		keep := lifetime - expiryMargin
		if keep < lifetime/2 {
			keep = lifetime / 2
		}
		o.expires = time.Now().Add(keep)
	}
	return o.token, nil
}
