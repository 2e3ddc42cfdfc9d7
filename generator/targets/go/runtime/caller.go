package core

import (
	"bytes"
	"context"
	"io"
	"math/rand"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

const (
	initialRetryDelay = 500 * time.Millisecond
	maxRetryDelay     = 8 * time.Second
	maxRetryAfter     = 60 * time.Second
)

// jsonAccept is the Accept of a call whose method names none: the JSON every other call
// answers (shared by every request; capped, so an append makes a new array).
var jsonAccept = []string{"application/json"}[:1:1]

// CallerConfig is what a generated client knows of its API.
type CallerConfig struct {
	// BaseURL is the first server's URL, its {variables} filled from Variables.
	BaseURL   string
	Variables []Variable
	Security  Security
	Header    http.Header
}

// Caller sends the requests of one client.
type Caller struct {
	config  CallerConfig
	options []RequestOption
	tokens  tokens
}

// NewCaller is the caller of a client made with the given options.
func NewCaller(config CallerConfig, options []RequestOption) *Caller {
	return &Caller{config: config, options: append([]RequestOption(nil), options...)}
}

// Options are the client's options followed by a call's.
func (c *Caller) Options(call []RequestOption) *RequestOptions {
	if len(call) == 0 {
		return NewRequestOptions(c.options...)
	}
	all := make([]RequestOption, 0, len(c.options)+len(call))
	return NewRequestOptions(append(append(all, c.options...), call...)...)
}

// Request is one operation's request, before the options apply.
type Request struct {
	Method    string
	Path      string
	Query     url.Values
	Header    http.Header
	Body      *Body
	RetrySafe bool
	// IdempotencyHeader is the header of the call's idempotency key (one per call, the same
	// on every retry); empty when the operation takes none.
	IdempotencyHeader string
	// Security is the operation's own requirement; nil for the API's.
	Security *Requirement
	// Stream leaves the body of a successful response open for the decoder, which reads it
	// as it arrives (events, downloads).
	Stream bool
}

// Body is an encoded request body, kept whole so that a retry sends it again.
type Body struct {
	ContentType string
	Bytes       []byte
}

// RawResponse is a successful response before its body is decoded: read whole (Body), or
// left open (Stream) when the request streams.
type RawResponse struct {
	StatusCode int
	Header     http.Header
	Body       []byte
	Stream     io.ReadCloser
	ctx        context.Context
}

// Response is a decoded response with its status and headers (the WithRawResponse methods).
type Response[T any] struct {
	StatusCode int
	Header     http.Header
	Body       T
}

// Decoder turns a successful response into a method's result.
type Decoder[T any] func(raw *RawResponse, options *RequestOptions) (T, error)

// Call sends a request and decodes its response.
func Call[T any](ctx context.Context, caller *Caller, request *Request, call []RequestOption, decode Decoder[T]) (*Response[T], error) {
	options := caller.Options(call)
	raw, err := caller.Send(ctx, request, options)
	if err != nil {
		return nil, err
	}
	body, err := decode(raw, options)
	if err != nil {
		return nil, err
	}
	return &Response[T]{StatusCode: raw.StatusCode, Header: raw.Header, Body: body}, nil
}

// Send sends a request until it succeeds, fails for good or runs out of attempts; an OAuth2
// token the API refuses with a 401 is fetched again once.
func (c *Caller) Send(ctx context.Context, request *Request, options *RequestOptions) (*RawResponse, error) {
	base, err := c.baseURL(options)
	if err != nil {
		return nil, err
	}
	requirement := c.config.Security.Default
	if request.Security != nil {
		requirement = *request.Security
	}
	chosen, err := c.config.Security.choose(requirement, options)
	if err != nil {
		return nil, err
	}
	request = withIdempotencyKey(request, options)
	refreshed := false
	for attempt := 0; ; attempt++ {
		fetched, err := c.fetchTokens(ctx, chosen, base, options)
		if err != nil {
			return nil, err
		}
		built, err := c.build(ctx, base, request, options, chosen, fetched)
		if err != nil {
			return nil, err
		}
		raw, retry, err := c.attempt(built, request)
		if raw != nil && raw.StatusCode == http.StatusUnauthorized && len(fetched) > 0 && !refreshed {
			refreshed = true
			c.forgetTokens(chosen, fetched)
			attempt--
			continue
		}
		if !retry || attempt+1 >= options.MaxAttempts {
			return raw, err
		}
		delay := retryDelay(attempt, raw, err)
		timer := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			timer.Stop()
			return nil, ctx.Err()
		case <-timer.C:
		}
	}
}

// baseURL is the call's server: the option's, else the API's, its variables filled.
func (c *Caller) baseURL(options *RequestOptions) (string, error) {
	base := options.BaseURL
	if base == "" {
		base = c.config.BaseURL
	}
	return serverURL(base, c.config.Variables, options.Variables)
}

// fetchTokens are the OAuth2 access tokens of the chosen schemes, by scheme.
func (c *Caller) fetchTokens(ctx context.Context, chosen *sending, base string, options *RequestOptions) (map[string]string, error) {
	var fetched map[string]string // made for the first OAuth2 scheme: most calls have none
	for i, scheme := range chosen.schemes {
		if scheme.Kind != "oauth2" {
			continue
		}
		if fetched == nil {
			fetched = map[string]string{}
		}
		values := chosen.values[i]
		token, err := c.tokens.of(scheme, values[0]).get(ctx, sender(options), base, scheme, values)
		if err != nil {
			return nil, err
		}
		fetched[scheme.Name] = token
	}
	return fetched, nil
}

func (c *Caller) forgetTokens(chosen *sending, fetched map[string]string) {
	for i, scheme := range chosen.schemes {
		if token, ok := fetched[scheme.Name]; ok {
			c.tokens.of(scheme, chosen.values[i][0]).forget(token)
		}
	}
}

func sender(options *RequestOptions) HTTPClient {
	if options.HTTPClient != nil {
		return options.HTTPClient
	}
	return defaultClient
}

func (c *Caller) attempt(built *http.Request, request *Request) (*RawResponse, bool, error) {
	client := HTTPClient(defaultClient)
	if sender, ok := built.Context().Value(senderKey{}).(HTTPClient); ok {
		client = sender
	}
	retrySafe := request.RetrySafe
	response, err := client.Do(built)
	if err != nil {
		return nil, retrySafe && built.Context().Err() == nil, err
	}
	if request.Stream && response.StatusCode < 400 {
		return &RawResponse{StatusCode: response.StatusCode, Header: response.Header,
			Stream: response.Body, ctx: built.Context()}, false, nil
	}
	defer response.Body.Close()
	body, err := io.ReadAll(response.Body)
	if err != nil {
		return nil, retrySafe, err
	}
	raw := &RawResponse{StatusCode: response.StatusCode, Header: response.Header, Body: body}
	if response.StatusCode < 400 {
		return raw, false, nil
	}
	apiError := &APIError{StatusCode: response.StatusCode, Header: response.Header, Body: body}
	return raw, shouldRetry(response, retrySafe), apiError
}

type senderKey struct{}

func shouldRetry(response *http.Response, retrySafe bool) bool {
	switch response.Header.Get("X-Should-Retry") {
	case "true":
		return true
	case "false":
		return false
	}
	switch response.StatusCode {
	case http.StatusTooManyRequests:
		return true
	case http.StatusRequestTimeout, http.StatusInternalServerError, http.StatusBadGateway,
		http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return retrySafe
	}
	return false
}

func retryDelay(attempt int, raw *RawResponse, err error) time.Duration {
	if raw != nil {
		if after, ok := retryAfter(raw.Header.Get("Retry-After")); ok {
			return after
		}
	}
	delay := initialRetryDelay << uint(attempt)
	if delay > maxRetryDelay || delay <= 0 {
		delay = maxRetryDelay
	}
	return delay - time.Duration(rand.Int63n(int64(delay/4)+1))
}

func retryAfter(value string) (time.Duration, bool) {
	value = strings.TrimSpace(value)
	if value == "" {
		return 0, false
	}
	var after time.Duration
	if seconds, err := strconv.ParseFloat(value, 64); err == nil {
		after = time.Duration(seconds * float64(time.Second))
	} else if date, err := http.ParseTime(value); err == nil {
		after = time.Until(date)
	} else {
		return 0, false
	}
	if after < 0 || after > maxRetryAfter {
		return 0, false
	}
	return after, true
}

func (c *Caller) build(ctx context.Context, base string, request *Request, options *RequestOptions, chosen *sending, fetched map[string]string) (*http.Request, error) {
	var body io.Reader
	if request.Body != nil {
		body = bytes.NewReader(request.Body.Bytes)
	}
	if options.HTTPClient != nil {
		ctx = context.WithValue(ctx, senderKey{}, options.HTTPClient)
	}
	if len(chosen.carried.headers) > 0 || len(chosen.carried.query) > 0 {
		ctx = withCredentials(ctx, chosen.carried)
	}
	// The URL is parsed once, here: the base's own query, if any, is kept.
	built, err := http.NewRequestWithContext(ctx, request.Method, strings.TrimRight(base, "/")+request.Path, body)
	if err != nil {
		return nil, err
	}
	query := built.URL.Query()
	for _, values := range []url.Values{request.Query, options.Query} {
		for name, list := range values {
			query[name] = append([]string(nil), list...)
		}
	}
	for _, header := range []http.Header{c.config.Header, request.Header, options.Header} {
		for name, values := range header {
			// Shared, not copied: capped at their length, an append to them makes a new array.
			built.Header[http.CanonicalHeaderKey(name)] = values[:len(values):len(values)]
		}
	}
	if _, set := built.Header["Accept"]; !set {
		built.Header["Accept"] = jsonAccept
	}
	chosen.apply(built, query, fetched)
	built.URL.RawQuery = query.Encode()
	if request.Body != nil {
		built.Header.Set("Content-Type", request.Body.ContentType)
	}
	return built, nil
}
