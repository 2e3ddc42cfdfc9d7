package gotest

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"example.com/extend-go/v2/core"
)

// seen records the credentials a server was sent.
type seen struct {
	header string
	query  string
}

func recording(into *seen) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		into.header = r.Header.Get("X-Api-Key")
		into.query = r.URL.Query().Get("api_key")
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{}`))
	}))
}

func redirecting(status int, to string) *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/landing" {
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"home":"` + r.Header.Get("X-Api-Key") + `"}`))
			return
		}
		http.Redirect(w, r, to, status)
	}))
}

func send(t *testing.T, base string, auth core.Auth) *core.RawResponse {
	t.Helper()
	caller := core.NewCaller(core.CallerConfig{BaseURL: base, Auth: auth}, nil)
	options := caller.Options([]core.RequestOption{core.WithToken("secret"), core.WithMaxAttempts(1)})
	raw, err := caller.Send(context.Background(), &core.Request{Method: "GET", Path: "/start"}, options)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

func TestARedirectToAnotherOriginCarriesNoAPIKey(t *testing.T) {
	for _, status := range []int{301, 302, 303, 307, 308} {
		var header, query seen
		other := recording(&header)
		first := redirecting(status, other.URL+"/landing?api_key=secret")
		send(t, first.URL, core.Auth{Header: "X-Api-Key"})
		if header.header != "" {
			t.Errorf("%d: the API-key header reached another origin", status)
		}
		otherQuery := recording(&query)
		second := redirecting(status, otherQuery.URL+"/landing?api_key=secret")
		send(t, second.URL, core.Auth{Query: "api_key"})
		if query.query != "" {
			t.Errorf("%d: the query key reached another origin", status)
		}
		for _, server := range []*httptest.Server{other, first, otherQuery, second} {
			server.Close()
		}
	}
}

func TestARedirectWithinTheOriginKeepsTheAPIKey(t *testing.T) {
	server := redirecting(307, "/landing")
	defer server.Close()
	raw := send(t, server.URL, core.Auth{Header: "X-Api-Key"})
	if string(raw.Body) != `{"home":"secret"}` {
		t.Fatalf("the key did not follow a same-origin redirect: %s", raw.Body)
	}
}
