package core

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Signing is how an API signs its webhook deliveries: HMAC-SHA256, in hex, over SignedPayload
// with {timestamp} and {body} replaced; or, when Scheme is "standard" (Standard Webhooks), in
// base64 as `v1,<signature>` over `{id}.{timestamp}.{body}` with the key a `whsec_` secret
// holds. A zero Signing means the API declares no scheme.
type Signing struct {
	SignatureHeader  string
	TimestampHeader  string
	SignedPayload    string
	ToleranceSeconds int64
	Scheme           string
	IDHeader         string
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
	if signing.Scheme == "standard" {
		return checkStandard(signing, timestamp, body, header, secret)
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
	if signing.Scheme != "standard" {
		header.Set(signing.SignatureHeader, WebhookSignature(signing, stamp, body, secret))
		return header, nil
	}
	random := make([]byte, 16)
	if _, err := rand.Read(random); err != nil {
		return nil, err
	}
	id := "msg_" + hex.EncodeToString(random)
	signature, err := standardSignature(secret, id, stamp, body)
	if err != nil {
		return nil, err
	}
	header.Set(signing.IDHeader, id)
	header.Set(signing.SignatureHeader, "v1,"+signature)
	return header, nil
}

// standardSignature is the base64 HMAC-SHA256 of `{id}.{timestamp}.{body}` with the key a
// `whsec_` secret holds (the prefix may be left out).
func standardSignature(secret, id, timestamp string, body []byte) (string, error) {
	key, err := base64.StdEncoding.DecodeString(strings.TrimPrefix(secret, "whsec_"))
	if err != nil {
		return "", &WebhookVerificationError{"the signing secret is not a whsec_ secret"}
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte(id + "." + timestamp + "." + string(body)))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil)), nil
}

func checkStandard(signing Signing, timestamp string, body []byte, header http.Header, secret string) error {
	id := header.Get(signing.IDHeader)
	if id == "" {
		return &WebhookVerificationError{"the delivery has no id header"}
	}
	expected, err := standardSignature(secret, id, timestamp, body)
	if err != nil {
		return err
	}
	for _, part := range strings.Fields(header.Get(signing.SignatureHeader)) {
		version, given, _ := strings.Cut(part, ",")
		if version == "v1" && hmac.Equal([]byte(given), []byte(expected)) {
			return nil
		}
	}
	return &WebhookVerificationError{"the signature does not match"}
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
