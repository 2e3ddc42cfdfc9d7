package security

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"example.com/vault-go/client"
	"example.com/vault-go/core"
	"example.com/vault-go/option"
)

// seen is one request a recorder received.
type seen struct {
	path   string
	query  string
	header http.Header
	body   string
}

// recorder is a local server that records each request and answers: its token endpoint hands
// out token-1, token-2, ... (living expiresIn seconds), and a path asked to "refuse" answers
// 401 to token-1.
type recorder struct {
	server    *httptest.Server
	mu        sync.Mutex
	requests  []seen
	tokens    int
	expiresIn int
	wait      time.Duration
}

func newRecorder(t *testing.T) *recorder {
	r := &recorder{expiresIn: 3600}
	r.server = httptest.NewServer(http.HandlerFunc(r.answer))
	t.Cleanup(r.server.Close)
	return r
}

func (r *recorder) answer(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	r.mu.Lock()
	r.requests = append(r.requests, seen{req.URL.Path, req.URL.RawQuery, req.Header.Clone(), string(body)})
	token := 0
	if req.URL.Path == "/oauth/token" {
		r.tokens++
		token = r.tokens
	}
	wait := r.wait
	r.mu.Unlock()
	time.Sleep(wait)
	w.Header().Set("Content-Type", "application/json")
	if token > 0 {
		fmt.Fprintf(w, `{"access_token":"token-%d","expires_in":%d}`, token, r.expiresIn)
		return
	}
	if req.Header.Get("Authorization") == "Bearer token-1" && strings.Contains(req.URL.RawQuery, "refuse") {
		w.WriteHeader(http.StatusUnauthorized)
		w.Write([]byte(`{"error":"expired"}`))
		return
	}
	w.Write([]byte(`{}`))
}

func (r *recorder) sent(path string) []seen {
	r.mu.Lock()
	defer r.mu.Unlock()
	var found []seen
	for _, request := range r.requests {
		if request.path == path {
			found = append(found, request)
		}
	}
	return found
}

func (r *recorder) client(opts ...option.RequestOption) *client.Client {
	all := []option.RequestOption{option.WithBaseURL(r.server.URL + "/v1"), option.WithMaxAttempts(1)}
	return client.NewClient(append(all, opts...)...)
}

func basic(pair string) string {
	return "Basic " + base64.StdEncoding.EncodeToString([]byte(pair))
}

func noEnvironment(t *testing.T) {
	for _, name := range []string{"VAULT_API_KEY", "VAULT_USERNAME", "VAULT_PASSWORD", "VAULT_PLAID_SECRET"} {
		t.Setenv(name, "")
	}
}

var ctx = context.Background()

func TestAKeyAloneForBasicIsTheUsernameWithAnEmptyPassword(t *testing.T) {
	noEnvironment(t)
	r := newRecorder(t)
	if _, err := r.client(option.WithUsername("sk_test_123")).Charges.List(ctx); err != nil {
		t.Fatal(err)
	}
	if got := r.sent("/v1/charges")[0].header.Get("Authorization"); got != basic("sk_test_123:") {
		t.Fatalf("Authorization: %q", got)
	}
}

func TestAlternativesFollowTheDocumentOrderAmongWhatIsConfigured(t *testing.T) {
	noEnvironment(t)
	r := newRecorder(t)
	if _, err := r.client(option.WithToken("sk_test_123")).Charges.List(ctx); err != nil {
		t.Fatal(err)
	}
	both := r.client(option.WithUsername("u"), option.WithPassword("p"), option.WithToken("t"))
	if _, err := both.Charges.List(ctx); err != nil {
		t.Fatal(err)
	}
	sent := r.sent("/v1/charges")
	if sent[0].header.Get("Authorization") != "Bearer sk_test_123" || sent[1].header.Get("Authorization") != basic("u:p") {
		t.Fatalf("Authorization: %q then %q", sent[0].header.Get("Authorization"), sent[1].header.Get("Authorization"))
	}
}

func TestSeveralKeysOfARequirementAreSentTogether(t *testing.T) {
	noEnvironment(t)
	r := newRecorder(t)
	c := r.client(option.WithToken("t"), option.WithPlaidClientID("id-1"), option.WithPlaidSecret("s-1"))
	if _, err := c.Link.List(ctx); err != nil {
		t.Fatal(err)
	}
	header := r.sent("/v1/link")[0].header
	if header.Get("PLAID-CLIENT-ID") != "id-1" || header.Get("PLAID-SECRET") != "s-1" || header.Get("Authorization") != "" {
		t.Fatalf("headers: %v", header)
	}
}

func TestAMissingKeyNamesTheOptionsToPassAndTheEnvironmentFillsIt(t *testing.T) {
	noEnvironment(t)
	r := newRecorder(t)
	_, err := r.client(option.WithToken("t"), option.WithPlaidClientID("id-1")).Link.List(ctx)
	var configuration *core.ConfigurationError
	if !errors.As(err, &configuration) || !strings.Contains(err.Error(), "option.WithPlaidSecret (or set VAULT_PLAID_SECRET)") {
		t.Fatalf("error: %v", err)
	}
	t.Setenv("VAULT_PLAID_SECRET", "from-env")
	if _, err := r.client(option.WithPlaidClientID("id-1")).Link.List(ctx); err != nil {
		t.Fatal(err)
	}
	if got := r.sent("/v1/link")[0].header.Get("PLAID-SECRET"); got != "from-env" {
		t.Fatalf("PLAID-SECRET: %q", got)
	}
}

func TestSecurityNoneSendsNothingAndNeedsNothing(t *testing.T) {
	noEnvironment(t)
	r := newRecorder(t)
	anonymous := r.client()
	if _, err := anonymous.Status.List(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := r.client(option.WithToken("t"), option.WithAPIKey("k")).Status.List(ctx); err != nil {
		t.Fatal(err)
	}
	for _, request := range r.sent("/v1/status") {
		if request.header.Get("Authorization") != "" || request.query != "" {
			t.Fatalf("credentials sent: %v %q", request.header, request.query)
		}
	}
	_, err := anonymous.Charges.List(ctx)
	if err == nil || !strings.Contains(err.Error(), "no credentials for this call: pass option.WithUsername and option.WithPassword") {
		t.Fatalf("error: %v", err)
	}
}

func TestAnOptionalQueryKeyIsSentWhenConfigured(t *testing.T) {
	noEnvironment(t)
	r := newRecorder(t)
	if _, err := r.client().Catalog.List(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := r.client(option.WithAPIKey("k-1")).Catalog.List(ctx); err != nil {
		t.Fatal(err)
	}
	sent := r.sent("/v1/catalog")
	if sent[0].query != "" || sent[1].query != "api_key=k-1" {
		t.Fatalf("queries: %q, %q", sent[0].query, sent[1].query)
	}
}

func TestACookieKeyAndOpenIDConnect(t *testing.T) {
	noEnvironment(t)
	r := newRecorder(t)
	c := r.client(option.WithSessionID("c 1"), option.WithOidcToken("id-tok"))
	if _, err := c.Session.List(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Profile.List(ctx); err != nil {
		t.Fatal(err)
	}
	if got := r.sent("/v1/session")[0].header.Get("Cookie"); got != "session_id=c%201" {
		t.Fatalf("Cookie: %q", got)
	}
	if got := r.sent("/v1/profile")[0].header.Get("Authorization"); got != "Bearer id-tok" {
		t.Fatalf("Authorization: %q", got)
	}
}

func TestACredentialPerCallAndALineBreakRefused(t *testing.T) {
	noEnvironment(t)
	r := newRecorder(t)
	c := r.client(option.WithToken("client"))
	if _, err := c.Charges.List(ctx, option.WithToken("call")); err != nil {
		t.Fatal(err)
	}
	if got := r.sent("/v1/charges")[0].header.Get("Authorization"); got != "Bearer call" {
		t.Fatalf("Authorization: %q", got)
	}
	var configuration *core.ConfigurationError
	if _, err := c.Charges.List(ctx, option.WithToken("a\r\nX-Evil: 1")); !errors.As(err, &configuration) {
		t.Fatalf("error: %v", err)
	}
}

func oauthClient(r *recorder) *client.Client {
	return r.client(option.WithClientID("app"), option.WithClientSecret("pw"))
}

func TestOAuth2FetchesATokenOnFirstUseAndKeepsIt(t *testing.T) {
	noEnvironment(t)
	r := newRecorder(t)
	c := oauthClient(r)
	for i := 0; i < 2; i++ {
		if _, err := c.Reports.List(ctx); err != nil {
			t.Fatal(err)
		}
	}
	fetches := r.sent("/oauth/token")
	if len(fetches) != 1 {
		t.Fatalf("%d token requests", len(fetches))
	}
	fetch := fetches[0]
	if fetch.header.Get("Authorization") != basic("app:pw") || fetch.body != "grant_type=client_credentials&scope=reports%3Aread" {
		t.Fatalf("token request: %v %q", fetch.header, fetch.body)
	}
	for _, call := range r.sent("/v1/reports") {
		if call.header.Get("Authorization") != "Bearer token-1" {
			t.Fatalf("Authorization: %q", call.header.Get("Authorization"))
		}
	}
}

func TestOAuth2RefreshesOnceOnA401(t *testing.T) {
	noEnvironment(t)
	r := newRecorder(t)
	refuse := option.WithQueryParameters(map[string][]string{"refuse": {"1"}})
	if _, err := oauthClient(r).Reports.List(ctx, refuse); err != nil {
		t.Fatal(err)
	}
	calls := r.sent("/v1/reports")
	if len(calls) != 2 || calls[0].header.Get("Authorization") != "Bearer token-1" || calls[1].header.Get("Authorization") != "Bearer token-2" {
		t.Fatalf("calls: %v", calls)
	}
}

func TestOAuth2FetchesAgainOnceTheTokenExpires(t *testing.T) {
	noEnvironment(t)
	r := newRecorder(t)
	r.expiresIn = 1 // kept half its life: 0.5 s
	c := oauthClient(r)
	if _, err := c.Reports.List(ctx); err != nil {
		t.Fatal(err)
	}
	time.Sleep(600 * time.Millisecond)
	if _, err := c.Reports.List(ctx); err != nil {
		t.Fatal(err)
	}
	calls := r.sent("/v1/reports")
	if len(r.sent("/oauth/token")) != 2 || calls[1].header.Get("Authorization") != "Bearer token-2" {
		t.Fatalf("calls: %v", calls)
	}
}

func TestConcurrentFirstCallsFetchOneToken(t *testing.T) {
	noEnvironment(t)
	r := newRecorder(t)
	r.wait = 20 * time.Millisecond
	c := oauthClient(r)
	var group sync.WaitGroup
	failures := make(chan error, 8)
	for i := 0; i < 8; i++ {
		group.Add(1)
		go func() {
			defer group.Done()
			if _, err := c.Reports.List(ctx); err != nil {
				failures <- err
			}
		}()
	}
	group.Wait()
	close(failures)
	for err := range failures {
		t.Fatal(err)
	}
	if fetches := len(r.sent("/oauth/token")); fetches != 1 {
		t.Fatalf("%d token requests", fetches)
	}
}

// hosts records the URL of each request and answers {}.
type hosts struct {
	urls []string
}

func (h *hosts) Do(request *http.Request) (*http.Response, error) {
	h.urls = append(h.urls, request.URL.String())
	return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(strings.NewReader(`{}`)), Request: request}, nil
}

func TestServerVariablesTakeTheirDefaultsAndCheckTheirValues(t *testing.T) {
	noEnvironment(t)
	sent := &hosts{}
	plain := client.NewClient(option.WithToken("t"), option.WithHTTPClient(sent))
	if _, err := plain.Charges.List(ctx); err != nil {
		t.Fatal(err)
	}
	chosen := client.NewClient(option.WithToken("t"), option.WithHTTPClient(sent), option.WithRegion("eu"), option.WithBase("v2"))
	if _, err := chosen.Charges.List(ctx); err != nil {
		t.Fatal(err)
	}
	if strings.Join(sent.urls, " ") != "https://us.vault.test/v1/charges https://eu.vault.test/v2/charges" {
		t.Fatalf("URLs: %v", sent.urls)
	}
	_, err := chosen.Charges.List(ctx, option.WithRegion("mars"))
	var configuration *core.ConfigurationError
	if !errors.As(err, &configuration) || err.Error() != `server variable "region" cannot be "mars"; allowed: us, eu` {
		t.Fatalf("error: %v", err)
	}
}

func TestTheMockAcceptsWhatTheSDKSendsAndChecksEachScheme(t *testing.T) {
	noEnvironment(t)
	base := os.Getenv("VAULT_MOCK_URL")
	good := client.NewClient(option.WithBaseURL(base), option.WithUsername("sk_test_123"),
		option.WithPlaidClientID("id-1"), option.WithPlaidSecret("s-1"), option.WithAPIKey("k"),
		option.WithSessionID("c"), option.WithOidcToken("o"))
	calls := map[string]func() error{
		"charges": func() error { _, err := good.Charges.List(ctx); return err },
		"link":    func() error { _, err := good.Link.List(ctx); return err },
		"status":  func() error { _, err := good.Status.List(ctx); return err },
		"catalog": func() error { _, err := good.Catalog.List(ctx); return err },
		"session": func() error { _, err := good.Session.List(ctx); return err },
		"profile": func() error { _, err := good.Profile.List(ctx); return err },
	}
	for name, call := range calls {
		if err := call(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	wrong := client.NewClient(option.WithBaseURL(base), option.WithUsername("sk_test_123"), option.WithPassword("x"), option.WithMaxAttempts(1))
	_, err := wrong.Charges.List(ctx)
	var apiError *core.APIError
	if !errors.As(err, &apiError) || apiError.StatusCode != 400 || !strings.Contains(string(apiError.Body), "Basic credentials are not the expected ones") {
		t.Fatalf("error: %v", err)
	}
}
