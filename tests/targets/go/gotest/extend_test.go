// Behaviour tests of the generated Extend Go SDK: against sdkgen's mock (SPEC_SERVER_URL, every
// request checked against the spec by the pytest runner) and scripted httptest servers.
package gotest

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	extend "example.com/extend-go/v2"
	"example.com/extend-go/v2/client"
	"example.com/extend-go/v2/core"
	"example.com/extend-go/v2/option"
)

func mockClient(t *testing.T, opts ...option.RequestOption) *client.Client {
	t.Helper()
	base := os.Getenv("SPEC_SERVER_URL")
	if base == "" {
		t.Fatal("SPEC_SERVER_URL is not set: pytest starts the mock")
	}
	all := append([]option.RequestOption{option.WithBaseURL(base), option.WithToken(os.Getenv("SPEC_SERVER_TOKEN"))}, opts...)
	return client.NewClient(all...)
}

func TestRetrieveAFile(t *testing.T) {
	file, err := mockClient(t).Files.Retrieve(context.Background(), "file_abc", nil)
	if err != nil {
		t.Fatal(err)
	}
	if file.ID == "" {
		t.Fatalf("no id: %+v", file)
	}
}

func TestWithRawResponseGivesStatusAndHeaders(t *testing.T) {
	response, err := mockClient(t).Files.WithRawResponse.Retrieve(context.Background(), "file_abc", nil)
	if err != nil {
		t.Fatal(err)
	}
	if response.StatusCode != 200 || response.Header.Get("Content-Type") == "" || response.Body.ID == "" {
		t.Fatalf("raw response: %d %v %+v", response.StatusCode, response.Header, response.Body)
	}
}

func TestListReturnsTheFirstPage(t *testing.T) {
	page, err := mockClient(t).Files.List(context.Background(), &extend.FilesListRequest{MaxPageSize: extend.Int(5)})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Data) == 0 || page.NextPageToken == nil || *page.NextPageToken != "page_1" {
		t.Fatalf("first page: %+v", page)
	}
}

func TestListAutoPagingWalksEveryPage(t *testing.T) {
	c := mockClient(t)
	page, err := c.Files.List(context.Background(), &extend.FilesListRequest{MaxPageSize: extend.Int(5)})
	if err != nil {
		t.Fatal(err)
	}
	iter := c.Files.ListAutoPaging(context.Background(), &extend.FilesListRequest{MaxPageSize: extend.Int(5)})
	count := 0
	for iter.Next() {
		if iter.Current() == nil || iter.Current().ID == "" {
			t.Fatalf("item %d: %+v", count, iter.Current())
		}
		count++
		if count > 100 {
			t.Fatal("pagination did not end")
		}
	}
	if err := iter.Err(); err != nil {
		t.Fatal(err)
	}
	if count != 3*len(page.Data) {
		t.Fatalf("walked %d items, expected the mock's three pages of %d", count, len(page.Data))
	}
}

func TestCreateWithAJSONBody(t *testing.T) {
	request := &extend.ExtractRunsCreateRequest{
		Extractor: &extend.ExtractRequestExtractor{ID: "ex_1"},
		File:      map[string]any{"url": "https://example.com/a.pdf"},
	}
	run, err := mockClient(t).ExtractRuns.Create(context.Background(), request)
	if err != nil {
		t.Fatal(err)
	}
	if run.ID == "" {
		t.Fatalf("no run id: %+v", run)
	}
}

func TestCreateAndPollWaitsForATerminalStatus(t *testing.T) {
	request := &extend.ExtractRunsCreateRequest{
		Extractor: &extend.ExtractRequestExtractor{ID: "ex_1"},
		File:      map[string]any{"url": "https://example.com/a.pdf"},
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	run, err := mockClient(t).ExtractRuns.CreateAndPoll(ctx, request, option.WithPollInterval(10*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	if string(run.Status) != "PROCESSED" {
		t.Fatalf("status %q", run.Status)
	}
}

func TestUploadSendsMultipart(t *testing.T) {
	file, err := mockClient(t).Files.Upload(context.Background(), &extend.FilesUploadRequest{File: strings.NewReader("%PDF")})
	if err != nil {
		t.Fatal(err)
	}
	if file.ID == "" {
		t.Fatalf("no id: %+v", file)
	}
}

func TestPathParametersArePercentEncoded(t *testing.T) {
	if _, err := mockClient(t).Files.Retrieve(context.Background(), "a/b c?d", nil); err != nil {
		t.Fatal(err)
	}
}

func TestARejectedRequestIsATypedAPIError(t *testing.T) {
	_, err := mockClient(t, option.WithToken("wrong"), option.WithMaxAttempts(1)).Files.Retrieve(context.Background(), "file_abc", nil)
	var apiError *core.APIError
	if !errors.As(err, &apiError) {
		t.Fatalf("not an APIError: %v", err)
	}
	if apiError.StatusCode != 400 || !strings.Contains(apiError.Error(), "Authorization") {
		t.Fatalf("error: %v", apiError)
	}
}

type scripted struct {
	server   *httptest.Server
	requests int32
	headers  chan http.Header
}

func script(t *testing.T, answer func(attempt int32, w http.ResponseWriter, r *http.Request)) *scripted {
	s := &scripted{headers: make(chan http.Header, 16)}
	s.server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		attempt := atomic.AddInt32(&s.requests, 1)
		select {
		case s.headers <- r.Header.Clone():
		default:
		}
		answer(attempt, w, r)
	}))
	t.Cleanup(s.server.Close)
	return s
}

func (s *scripted) client(opts ...option.RequestOption) *client.Client {
	return client.NewClient(append([]option.RequestOption{option.WithBaseURL(s.server.URL), option.WithToken("tok")}, opts...)...)
}

const fileJSON = `{"object":"file","id":"file_1","name":"a.pdf"}`

func TestAGetIsRetriedAfter503And429HonouringRetryAfter(t *testing.T) {
	s := script(t, func(attempt int32, w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "0")
		switch attempt {
		case 1:
			w.WriteHeader(503)
		case 2:
			w.WriteHeader(429)
		default:
			w.Write([]byte(fileJSON))
		}
	})
	file, err := s.client().Files.Retrieve(context.Background(), "file_1", nil)
	if err != nil || file.ID != "file_1" || s.requests != 3 {
		t.Fatalf("%v %+v after %d requests", err, file, s.requests)
	}
}

func TestAPostIsNotRetriedAfterA500(t *testing.T) {
	s := script(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "0")
		w.WriteHeader(500)
	})
	_, err := s.client().ExtractRuns.Create(context.Background(), &extend.ExtractRunsCreateRequest{})
	if err == nil || s.requests != 1 {
		t.Fatalf("%v after %d requests", err, s.requests)
	}
}

func TestWithMaxAttemptsPerCallBoundsTheAttempts(t *testing.T) {
	s := script(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", "0")
		w.WriteHeader(503)
	})
	_, err := s.client().Files.Retrieve(context.Background(), "file_1", nil, option.WithMaxAttempts(2))
	var apiError *core.APIError
	if !errors.As(err, &apiError) || apiError.StatusCode != 503 || s.requests != 2 {
		t.Fatalf("%v after %d requests", err, s.requests)
	}
}

func TestPerRequestOptionsOverrideTheClients(t *testing.T) {
	s := script(t, func(_ int32, w http.ResponseWriter, _ *http.Request) { w.Write([]byte(fileJSON)) })
	c := s.client(option.WithHTTPHeader(http.Header{"X-Team": {"client"}}))
	if _, err := c.Files.Retrieve(context.Background(), "f", nil, option.WithToken("call"), option.WithHTTPHeader(http.Header{"X-Team": {"call"}})); err != nil {
		t.Fatal(err)
	}
	header := <-s.headers
	if header.Get("Authorization") != "Bearer call" || header.Get("X-Team") != "call" || header.Get("X-Extend-Api-Version") == "" {
		t.Fatalf("headers: %v", header)
	}
}

func TestATimeoutThroughTheContextStopsTheCall(t *testing.T) {
	s := script(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
		time.Sleep(300 * time.Millisecond)
		w.Write([]byte(fileJSON))
	})
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Millisecond)
	defer cancel()
	_, err := s.client().Files.Retrieve(ctx, "f", nil)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("error: %v", err)
	}
}

func TestADriftingResponseNeverFailsUnlessStrict(t *testing.T) {
	s := script(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
		w.Write([]byte(`{"object":"file","id":"file_1","name":42}`))
	})
	file, err := s.client().Files.Retrieve(context.Background(), "f", nil)
	if err != nil || file.ID != "file_1" {
		t.Fatalf("lenient: %v %+v", err, file)
	}
	_, err = s.client(option.WithStrictDecoding()).Files.Retrieve(context.Background(), "f", nil)
	var decodeError *core.DecodeError
	if !errors.As(err, &decodeError) {
		t.Fatalf("strict: %v", err)
	}
}

func TestTheTokenFallsBackToTheEnvironment(t *testing.T) {
	t.Setenv("EXTEND_API_KEY", "from-env")
	s := script(t, func(_ int32, w http.ResponseWriter, _ *http.Request) { w.Write([]byte(fileJSON)) })
	c := client.NewClient(option.WithBaseURL(s.server.URL))
	if _, err := c.Files.Retrieve(context.Background(), "f", nil); err != nil {
		t.Fatal(err)
	}
	if header := <-s.headers; header.Get("Authorization") != "Bearer from-env" {
		t.Fatalf("headers: %v", header)
	}
}

func TestPagingStopsWhenTheAPINamesAPageAlreadyWalked(t *testing.T) {
	s := script(t, func(_ int32, w http.ResponseWriter, _ *http.Request) {
		w.Write([]byte(`{"object":"list","data":[` + fileJSON + `],"nextPageToken":"same"}`))
	})
	iter := s.client().Files.ListAutoPaging(context.Background(), nil)
	count := 0
	for iter.Next() {
		count++
	}
	if iter.Err() != nil || count != 2 {
		t.Fatalf("%d items, %v", count, iter.Err())
	}
}

func TestAnErrorStopsTheIterator(t *testing.T) {
	s := script(t, func(_ int32, w http.ResponseWriter, _ *http.Request) { w.WriteHeader(404) })
	iter := s.client().Files.ListAutoPaging(context.Background(), nil)
	if iter.Next() || !core.NotFound(iter.Err()) {
		t.Fatalf("error: %v", iter.Err())
	}
}
