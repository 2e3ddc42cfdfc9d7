// Idempotency keys and raw calls in the Go SDK of tests/support/streams_spec.yaml: against
// the scripted server (STREAM_SERVER_URL: the first request of each key to /charges loses its
// connection) and against a server of the test's own that answers 500 once.
package streamstest

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	streams "example.com/streams-go"
	"example.com/streams-go/client"
	"example.com/streams-go/core"
	"example.com/streams-go/option"
)

// flaky answers 500 to the first request of each idempotency key (and to every request
// without one), then a charge named after the key; it records the keys and credentials seen.
type flaky struct {
	mu          sync.Mutex
	keys        []string
	credentials []string
}

func (f *flaky) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	key := r.Header.Get("Idempotency-Key")
	f.mu.Lock()
	first := key == "" || !contains(f.keys, key)
	f.keys = append(f.keys, key)
	f.credentials = append(f.credentials, r.Header.Get("Authorization"))
	f.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	if r.URL.Path == "/v1/missing" {
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write([]byte(`{"error": "no such thing"}`))
		return
	}
	if first {
		w.Header().Set("Retry-After", "0")
		w.WriteHeader(http.StatusInternalServerError)
		_, _ = w.Write([]byte(`{"error": "try again"}`))
		return
	}
	_, _ = w.Write([]byte(`{"id": "ch_` + key + `", "amount": 5}`))
}

func contains(list []string, item string) bool {
	for _, each := range list {
		if each == item {
			return true
		}
	}
	return false
}

func flakyClient(t *testing.T) (*client.Client, *flaky) {
	t.Helper()
	handler := &flaky{}
	server := httptest.NewServer(handler)
	t.Cleanup(server.Close)
	return client.NewClient(option.WithBaseURL(server.URL+"/v1"), option.WithToken("t")), handler
}

func TestARetryAfterADroppedConnectionResendsTheSameKey(t *testing.T) {
	c := scripted(t)
	first, err := c.Charges.Create(context.Background(), &streams.ChargesCreateRequest{Amount: 5})
	if err != nil {
		t.Fatal(err)
	}
	second, err := c.Charges.Create(context.Background(), &streams.ChargesCreateRequest{Amount: 7})
	if err != nil {
		t.Fatal(err)
	}
	if first.ID == second.ID || !strings.HasPrefix(first.ID, "ch_") || len(first.ID) != len("ch_")+36 {
		t.Fatalf("charges %q and %q: one new key per call", first.ID, second.ID)
	}
}

func TestARetryAfterA500ResendsTheSameKey(t *testing.T) {
	c, server := flakyClient(t)
	charge, err := c.Charges.Create(context.Background(), &streams.ChargesCreateRequest{Amount: 5})
	if err != nil {
		t.Fatal(err)
	}
	if len(server.keys) != 2 || server.keys[0] != server.keys[1] || server.keys[0] == "" {
		t.Fatalf("keys sent %q", server.keys)
	}
	if charge.ID != "ch_"+server.keys[0] {
		t.Fatalf("charge %q", charge.ID)
	}
}

func TestTheCallersOwnKeyIsKeptOnEveryRetry(t *testing.T) {
	c, server := flakyClient(t)
	own := "mine"
	byField, err := c.Charges.Create(context.Background(), &streams.ChargesCreateRequest{Amount: 5, IdempotencyKey: &own})
	if err != nil {
		t.Fatal(err)
	}
	byOption, err := c.Charges.Create(context.Background(), &streams.ChargesCreateRequest{Amount: 5},
		option.WithIdempotencyKey("theirs"))
	if err != nil {
		t.Fatal(err)
	}
	if byField.ID != "ch_mine" || byOption.ID != "ch_theirs" {
		t.Fatalf("charges %q, %q", byField.ID, byOption.ID)
	}
	if strings.Join(server.keys, ",") != "mine,mine,theirs,theirs" {
		t.Fatalf("keys sent %q", server.keys)
	}
}

func TestARawPostWithoutAKeyIsNotRetried(t *testing.T) {
	c, server := flakyClient(t)
	_, err := c.Post(context.Background(), "/charges", map[string]int{"amount": 5}, nil)
	var apiError *core.APIError
	if !errors.As(err, &apiError) || apiError.StatusCode != http.StatusInternalServerError {
		t.Fatalf("error %v", err)
	}
	if len(server.keys) != 1 || server.keys[0] != "" {
		t.Fatalf("requests %q: a raw POST is sent once, with no key", server.keys)
	}
}

func TestRawCallsAuthenticateRetryAndDecode(t *testing.T) {
	c, server := flakyClient(t)
	var charge streams.Charge
	header := option.WithHTTPHeader(http.Header{"Idempotency-Key": []string{"raw"}})
	raw, err := c.Put(context.Background(), "/charges?x=1", map[string]int{"amount": 5}, &charge, header)
	if err != nil {
		t.Fatal(err)
	}
	if raw.StatusCode != http.StatusOK || charge.ID != "ch_raw" || charge.Amount != 5 {
		t.Fatalf("%d %+v", raw.StatusCode, charge)
	}
	var body []byte
	if _, err := c.Get(context.Background(), "/charges", &body, header); err != nil {
		t.Fatal(err)
	}
	var parsed map[string]any
	if err := json.Unmarshal(body, &parsed); err != nil || parsed["id"] != "ch_raw" {
		t.Fatalf("body %q: %v", body, err)
	}
	if strings.Join(server.keys, ",") != "raw,raw,raw" {
		t.Fatalf("keys %q: a PUT is retried after a 500", server.keys)
	}
	for _, credential := range server.credentials {
		if credential != "Bearer t" {
			t.Fatalf("credentials %q", server.credentials)
		}
	}
}

func TestARawCallRaisesTheTypedError(t *testing.T) {
	c, _ := flakyClient(t)
	_, err := c.Delete(context.Background(), "/missing", nil)
	if !core.NotFound(err) {
		t.Fatalf("error %v, want a 404 *core.APIError", err)
	}
	if _, err := scripted(t).Get(context.Background(), "/nowhere", nil); !core.NotFound(err) {
		t.Fatalf("error %v, want a 404 *core.APIError", err)
	}
}
