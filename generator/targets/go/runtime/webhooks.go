package core

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Signing is how an API signs its webhook deliveries: HMAC-SHA256, in hex, over SignedPayload
// with {timestamp} and {body} replaced. A zero Signing means the API declares no scheme.
type Signing struct {
	SignatureHeader  string
	TimestampHeader  string
	SignedPayload    string
	ToleranceSeconds int64
}

// WebhookVerificationError is a delivery that fails verification or parsing; reach it with
// errors.As.
type WebhookVerificationError struct {
	Reason string
}

func (e *WebhookVerificationError) Error() string {
	return "webhook verification failed: " + e.Reason
}

// WebhookEvent is a parsed delivery.
type WebhookEvent struct {
	// Type is the event's type, read from the body.
	Type string
	// Data is the typed event, a pointer to the type of Type; a map for a type the SDK does not
	// know yet.
	Data any
	// Raw is the delivery's body.
	Raw json.RawMessage
}

var signaturePrefixes = []string{"v0=", "v1=", "sha256="}

// WebhookSignature is the hex HMAC-SHA256 of the signed payload of body at timestamp.
func WebhookSignature(signing Signing, timestamp string, body []byte, secret string) string {
	payload := strings.ReplaceAll(signing.SignedPayload, "{timestamp}", timestamp)
	payload = strings.ReplaceAll(payload, "{body}", string(body))
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(payload))
	return hex.EncodeToString(mac.Sum(nil))
}

// CheckWebhook is nil when the delivery is signed with secret and its timestamp is within the
// tolerance of now (in either direction), a *WebhookVerificationError otherwise.
func CheckWebhook(signing Signing, body []byte, header http.Header, secret string, now time.Time) error {
	if signing.SignatureHeader == "" {
		return &WebhookVerificationError{"this API declares no webhook signing scheme"}
	}
	if secret == "" {
		return &WebhookVerificationError{"no signing secret"}
	}
	timestamp := strings.TrimSpace(header.Get(signing.TimestampHeader))
	given := header.Get(signing.SignatureHeader)
	if timestamp == "" || given == "" {
		return &WebhookVerificationError{"the delivery has no signature or timestamp header"}
	}
	seconds, err := strconv.ParseInt(timestamp, 10, 64)
	if err != nil || strings.ContainsAny(timestamp[:1], "+-") {
		return &WebhookVerificationError{"the timestamp header is not a Unix time"}
	}
	if age := now.Unix() - seconds; age > signing.ToleranceSeconds || -age > signing.ToleranceSeconds {
		return &WebhookVerificationError{"the timestamp is outside the allowed tolerance"}
	}
	expected := []byte(WebhookSignature(signing, timestamp, body, secret))
	separator := func(r rune) bool { return r == ',' || unicode.IsSpace(r) }
	for _, candidate := range strings.FieldsFunc(given, separator) {
		for _, prefix := range signaturePrefixes {
			candidate = strings.TrimPrefix(candidate, prefix)
		}
		if hmac.Equal([]byte(strings.ToLower(candidate)), expected) {
			return nil
		}
	}
	return &WebhookVerificationError{"the signature does not match"}
}

// SignWebhook is the headers the API would send with body at timestamp.
func SignWebhook(signing Signing, body []byte, secret string, timestamp time.Time) (http.Header, error) {
	if signing.SignatureHeader == "" {
		return nil, &WebhookVerificationError{"this API declares no webhook signing scheme"}
	}
	if secret == "" {
		return nil, &WebhookVerificationError{"no signing secret"}
	}
	stamp := strconv.FormatInt(timestamp.Unix(), 10)
	header := http.Header{}
	header.Set(signing.TimestampHeader, stamp)
	header.Set(signing.SignatureHeader, WebhookSignature(signing, stamp, body, secret))
	return header, nil
}

// ParseWebhook is the event of body: its type read from typeProperty, its data decoded
// (leniently) into what typed gives for that type, or into a map when typed gives nil.
func ParseWebhook(body []byte, typeProperty string, typed func(eventType string) any) (*WebhookEvent, error) {
	var object map[string]any
	if err := json.Unmarshal(body, &object); err != nil || object == nil {
		return nil, &WebhookVerificationError{"the body is not a JSON object"}
	}
	eventType, _ := object[typeProperty].(string)
	event := &WebhookEvent{Type: eventType, Data: object, Raw: append(json.RawMessage(nil), body...)}
	if into := typed(eventType); into != nil {
		if err := decodeLenient(body, into, false); err != nil {
			return nil, &WebhookVerificationError{"the event does not match its type: " + err.Error()}
		}
		event.Data = into
	}
	return event, nil
}
