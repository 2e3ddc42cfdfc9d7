package gotest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"example.com/extend-go/v2/core"
)

// accepting answers with the Accept header the server was sent.
func accepting() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`"` + r.Header.Get("Accept") + `"`))
	}))
}

func TestACallAcceptsJSONUnlessItNamesAnother(t *testing.T) {
	server := accepting()
	defer server.Close()
	caller := core.NewCaller(core.CallerConfig{BaseURL: server.URL}, nil)
	options := caller.Options([]core.RequestOption{core.WithMaxAttempts(1)})
	named := http.Header{"Accept": {"text/event-stream"}}
	for _, c := range []struct {
		header http.Header
		want   string
	}{{nil, `"application/json"`}, {named, `"text/event-stream"`}} {
		request := &core.Request{Method: "GET", Path: "/", Header: c.header}
		raw, err := caller.Send(context.Background(), request, options)
		if err != nil {
			t.Fatal(err)
		}
		if string(raw.Body) != c.want {
			t.Errorf("Accept sent: %s, want %s", raw.Body, c.want)
		}
	}
}
