// Webhooks, open enums and unions of the generated Extend Go SDK: deliveries signed by webhook.Sign
// verify and parse into typed events; tampered, stale or unsigned ones fail with a
// *webhook.VerificationError; an enum value the SDK does not know decodes as it is; a union decodes the member its
// discriminator names.
package gotest

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	extend "example.com/extend-go/v2"
	"example.com/extend-go/v2/webhook"
)

const secret = "whsec_test"

var delivery = []byte(`{"eventType":"extract_run.processed","eventId":"evt_1","payload":{"object":"extract_run","id":"exr_1","status":"PROCESSED"}}`)

func signed(t *testing.T, body []byte, at time.Time) http.Header {
	t.Helper()
	header, err := webhook.Sign(body, secret, at)
	if err != nil {
		t.Fatal(err)
	}
	return header
}

func TestASignedWebhookVerifiesAndParsesIntoItsType(t *testing.T) {
	header := signed(t, delivery, time.Now())
	if !webhook.Verify(delivery, header, secret) {
		t.Fatal("a delivery signed by Sign does not verify")
	}
	event, err := webhook.VerifyAndParse(delivery, header, secret)
	if err != nil {
		t.Fatal(err)
	}
	processed, ok := event.Data.(*extend.ExtractRunProcessedWebhookEvent)
	if !ok || event.Type != "extract_run.processed" || processed.EventID != "evt_1" || processed.Payload == nil || processed.Payload.ID != "exr_1" {
		t.Fatalf("event: %+v", event)
	}
}

func TestATamperedWebhookFailsWithAVerificationError(t *testing.T) {
	header := signed(t, delivery, time.Now())
	tampered := append([]byte(nil), delivery...)
	tampered[len(tampered)-3] = 'X'
	_, err := webhook.VerifyAndParse(tampered, header, secret)
	var failed *webhook.VerificationError
	if !errors.As(err, &failed) || failed.Reason != "the signature does not match" {
		t.Fatalf("error: %v", err)
	}
	if webhook.Verify(delivery, header, "another secret") {
		t.Fatal("a delivery verifies with the wrong secret")
	}
}

func TestAWebhookOutsideTheToleranceIsRejected(t *testing.T) {
	for _, at := range []time.Time{time.Now().Add(-10 * time.Minute), time.Now().Add(10 * time.Minute)} {
		_, err := webhook.VerifyAndParse(delivery, signed(t, delivery, at), secret)
		var failed *webhook.VerificationError
		if !errors.As(err, &failed) || failed.Reason != "the timestamp is outside the allowed tolerance" {
			t.Fatalf("at %v: %v", at, err)
		}
	}
	if webhook.Verify(delivery, http.Header{}, secret) {
		t.Fatal("an unsigned delivery verifies")
	}
}

func TestAWebhookSignatureIsTheHMACOfTheSignedPayload(t *testing.T) {
	header := signed(t, []byte("{}"), time.Unix(1700000000, 0))
	// HMAC-SHA256 of "v0:1700000000:{}" with the key "whsec_test", computed by Python's hmac.
	const expected = "10d0c97cd92160feaaf97d319f353b179fe1f14204d77a9256ee0bd7d526dd61"
	if header.Get("x-extend-request-timestamp") != "1700000000" || header.Get("x-extend-request-signature") != expected {
		t.Fatalf("headers: %v", header)
	}
	fresh := signed(t, delivery, time.Now())
	fresh.Set("x-extend-request-signature", "v1=deadbeef, v0="+fresh.Get("x-extend-request-signature"))
	if !webhook.Verify(delivery, fresh, secret) {
		t.Fatal("a v0= signature among others does not verify")
	}
}

func TestAnUnknownWebhookEventTypeParsesAsAMap(t *testing.T) {
	event, err := webhook.Parse([]byte(`{"eventType":"brand_new.event","eventId":"evt_2"}`))
	if err != nil {
		t.Fatal(err)
	}
	data, ok := event.Data.(map[string]any)
	if !ok || event.Type != "brand_new.event" || data["eventId"] != "evt_2" {
		t.Fatalf("event: %+v", event)
	}
	if _, err := webhook.Parse([]byte(`[1]`)); err == nil {
		t.Fatal("a body that is not an object parses")
	}
}

func TestAnEnumValueTheSDKDoesNotKnowDecodesAsItIs(t *testing.T) {
	var run extend.ExtractRun
	if err := json.Unmarshal([]byte(`{"object":"extract_run","id":"exr_1","status":"ARCHIVED_LATER"}`), &run); err != nil {
		t.Fatal(err)
	}
	if run.Status != extend.ProcessorRunStatus("ARCHIVED_LATER") || run.Status == extend.ProcessorRunStatusProcessed {
		t.Fatalf("status: %q", run.Status)
	}
}

func TestAUnionDecodesTheMemberItsDiscriminatorNames(t *testing.T) {
	var entity extend.EvaluationSetEntity
	if err := json.Unmarshal([]byte(`{"object":"extractor","id":"ex_1","name":"Invoices"}`), &entity); err != nil {
		t.Fatal(err)
	}
	extractor, ok := entity.Value.(*extend.EvaluationSetEntityExtractor)
	if !ok || extractor.ID != "ex_1" {
		t.Fatalf("member: %#v", entity.Value)
	}
	encoded, err := json.Marshal(entity)
	if err != nil || !strings.Contains(string(encoded), `"id":"ex_1"`) {
		t.Fatalf("encoded %s: %v", encoded, err)
	}
	if err := json.Unmarshal([]byte(`{"object":"router","id":"r_1"}`), &entity); err != nil {
		t.Fatal(err)
	}
	if member, ok := entity.Value.(map[string]any); !ok || member["id"] != "r_1" {
		t.Fatalf("a member newer than the SDK: %#v", entity.Value)
	}
}
