package core

import (
	"context"
	"errors"
	"net/http"
)

// maxRedirects is how many redirects one request follows.
const maxRedirects = 10

// defaultClient follows redirects as http.DefaultClient does, except that a redirect to
// another origin (scheme, host or port) carries none of the SDK's credentials: net/http
// drops Authorization and cookies there, but not an API key in a header of the API's own
// name or in the query.
var defaultClient = &http.Client{CheckRedirect: keepCredentialsHome}

type credentialsKey struct{}

// credentials are where a request carries the SDK's credentials: headers, query parameters.
type credentials struct {
	headers []string
	query   []string
}

func withCredentials(ctx context.Context, found credentials) context.Context {
	return context.WithValue(ctx, credentialsKey{}, found)
}

func keepCredentialsHome(next *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return errors.New("stopped after 10 redirects")
	}
	first := via[0].URL
	if next.URL.Scheme == first.Scheme && next.URL.Host == first.Host {
		return nil
	}
	found, ok := next.Context().Value(credentialsKey{}).(credentials)
	if !ok {
		return nil
	}
	for _, header := range found.headers {
		next.Header.Del(header)
	}
	query := next.URL.Query()
	removed := false
	for _, name := range found.query {
		if _, present := query[name]; present {
			query.Del(name)
			removed = true
		}
	}
	if removed {
		next.URL.RawQuery = query.Encode()
	}
	return nil
}
