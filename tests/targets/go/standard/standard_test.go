// Standard Webhooks through the Go SDK of tests/support/streams_spec.yaml: deliveries signed by
// test_standard_webhooks.py with Python's standard library (WEBHOOK_CASES) verify or fail as
// each case says, and webhook.Sign's headers verify.
package standard_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"sort"
	"testing"
	"time"

	signed "example.com/signed-go"
	"example.com/signed-go/webhook"
)

type delivery struct {
	Body    string            `json:"body"`
	Headers map[string]string `json:"headers"`
	Secret  string            `json:"secret"`
	Valid   bool              `json:"valid"`
}

func cases(t *testing.T) map[string]delivery {
	t.Helper()
	var found map[string]delivery
	if err := json.Unmarshal([]byte(os.Getenv("WEBHOOK_CASES")), &found); err != nil || len(found) == 0 {
		t.Fatalf("WEBHOOK_CASES is not set: pytest signs the deliveries (%v)", err)
	}
	return found
}

func TestEveryDeliveryVerifiesOrFailsAsSigned(t *testing.T) {
	all := cases(t)
	names := make([]string, 0, len(all))
	for name := range all {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		c := all[name]
		header := http.Header{}
		for key, value := range c.Headers {
			header.Set(key, value)
		}
		event, err := webhook.VerifyAndParse([]byte(c.Body), header, c.Secret)
		var failed *webhook.VerificationError
		switch {
		case c.Valid && err != nil:
			t.Errorf("%s: %v", name, err)
		case !c.Valid && !errors.As(err, &failed):
			t.Errorf("%s: verified (%v)", name, err)
		case c.Valid:
			done, ok := event.Data.(*signed.CompletionDone)
			if !ok || done.Data == nil || done.Data.Text != "done" {
				t.Errorf("%s: event %+v", name, event)
			}
		}
		if webhook.Verify([]byte(c.Body), header, c.Secret) != c.Valid {
			t.Errorf("%s: Verify disagrees", name)
		}
	}
}

func TestSignedHeadersVerify(t *testing.T) {
	for _, c := range cases(t) {
		if !c.Valid {
			continue
		}
		header, err := webhook.Sign([]byte(c.Body), c.Secret, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if header.Get("webhook-id") == "" || !webhook.Verify([]byte(c.Body), header, c.Secret) {
			t.Fatalf("headers of Sign: %v", header)
		}
		return
	}
	t.Fatal("no valid case")
}
