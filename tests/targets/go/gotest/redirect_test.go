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

// apiKey is a scheme sending the client's token as an API key in the header or the query.
func apiKey(place string, parameter string) core.Scheme {
	return core.Scheme{Name: "key", Kind: "api_key", Place: place, Parameter: parameter, Token: true}
}

func send(t *testing.T, base string, scheme core.Scheme) *core.RawResponse {
	t.Helper()
	security := core.Security{Schemes: []core.Scheme{scheme}, Default: core.Requirement{{"key"}}}
	caller := core.NewCaller(core.CallerConfig{BaseURL: base, Security: security}, nil)
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
		send(t, first.URL, apiKey("header", "X-Api-Key"))
		if header.header != "" {
			t.Errorf("%d: the API-key header reached another origin", status)
		}
		otherQuery := recording(&query)
		second := redirecting(status, otherQuery.URL+"/landing?api_key=secret")
		send(t, second.URL, apiKey("query", "api_key"))
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
	raw := send(t, server.URL, apiKey("header", "X-Api-Key"))
	if string(raw.Body) != `{"home":"secret"}` {
		t.Fatalf("the key did not follow a same-origin redirect: %s", raw.Body)
	}
}
