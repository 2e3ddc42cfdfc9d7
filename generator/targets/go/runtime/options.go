// Package core is the runtime every generated client shares: options, requests with retries
// and backoff, typed API errors, lenient decoding, pages and polling. Generated code calls it;
// users meet APIError, Response and Iterator.
package core

import (
	"net/http"
	"net/url"
	"time"
)

// HTTPClient sends one request; *http.Client is one.
type HTTPClient interface {
	Do(*http.Request) (*http.Response, error)
}

// RequestOptions are what the options of a client and of a call set, the call's last.
type RequestOptions struct {
	BaseURL        string
	HTTPClient     HTTPClient
	Token          string
	Credentials    map[credentialKey]string
	Variables      map[string]string
	Header         http.Header
	Query          url.Values
	MaxAttempts    int
	StrictDecoding bool
	PollInterval   time.Duration
	IdempotencyKey string
}

// RequestOption changes the options of a client (given to NewClient) or of one call.
type RequestOption interface {
	applyRequestOption(*RequestOptions)
}

type optionFunc func(*RequestOptions)

func (f optionFunc) applyRequestOption(options *RequestOptions) { f(options) }

// WithBaseURL sends requests to another server (a test server, another environment).
func WithBaseURL(baseURL string) RequestOption {
	return optionFunc(func(o *RequestOptions) { o.BaseURL = baseURL })
}

// WithHTTPClient sends requests with the given client instead of http.DefaultClient.
func WithHTTPClient(client HTTPClient) RequestOption {
	return optionFunc(func(o *RequestOptions) { o.HTTPClient = client })
}

// WithToken authenticates requests with the token.
func WithToken(token string) RequestOption {
	return optionFunc(func(o *RequestOptions) { o.Token = token })
}

// WithHTTPHeader adds headers to requests, replacing those of the same names.
func WithHTTPHeader(header http.Header) RequestOption {
	return optionFunc(func(o *RequestOptions) {
		o.Header = o.Header.Clone()
		if o.Header == nil {
			o.Header = http.Header{}
		}
		for name, values := range header {
			o.Header[http.CanonicalHeaderKey(name)] = append([]string(nil), values...)
		}
	})
}

// WithQueryParameters adds query parameters to requests.
func WithQueryParameters(query url.Values) RequestOption {
	return optionFunc(func(o *RequestOptions) {
		merged := url.Values{}
		for name, values := range o.Query {
			merged[name] = append([]string(nil), values...)
		}
		for name, values := range query {
			merged[name] = append(merged[name], values...)
		}
		o.Query = merged
	})
}

// WithMaxAttempts sets how many times a request is sent at most (1: never retried).
func WithMaxAttempts(attempts int) RequestOption {
	return optionFunc(func(o *RequestOptions) { o.MaxAttempts = attempts })
}

// WithStrictDecoding makes a response that does not match its type an error; by default the
// fields that do not match are left empty and the call succeeds.
func WithStrictDecoding() RequestOption {
	return optionFunc(func(o *RequestOptions) { o.StrictDecoding = true })
}

// WithPollInterval sets how long a polling helper waits between two retrievals.
func WithPollInterval(interval time.Duration) RequestOption {
	return optionFunc(func(o *RequestOptions) { o.PollInterval = interval })
}

// WithIdempotencyKey sends the call's idempotency key (on every retry) instead of a new one,
// for an operation that takes a key; a key repeated in a later call makes the API answer
// that call as it answered the first.
func WithIdempotencyKey(key string) RequestOption {
	return optionFunc(func(o *RequestOptions) { o.IdempotencyKey = key })
}

// NewRequestOptions applies options in order over the defaults.
func NewRequestOptions(options ...RequestOption) *RequestOptions {
	resolved := &RequestOptions{MaxAttempts: 3, PollInterval: time.Second}
	for _, option := range options {
		if option != nil {
			option.applyRequestOption(resolved)
		}
	}
	return resolved
}
