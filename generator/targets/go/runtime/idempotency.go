package core

import (
	"crypto/rand"
	"fmt"
	"net/http"
)

// withIdempotencyKey is the request carrying one idempotency key under its idempotency
// header, the same on every retry of this call: the caller's own (a request field,
// WithIdempotencyKey or WithHTTPHeader), else a new one. A request whose operation takes no
// key is returned as it is.
func withIdempotencyKey(request *Request, options *RequestOptions) *Request {
	name := request.IdempotencyHeader
	if name == "" || options.Header.Get(name) != "" {
		return request
	}
	if request.Header.Get(name) != "" && options.IdempotencyKey == "" {
		return request
	}
	key := options.IdempotencyKey
	if key == "" {
		key = newIdempotencyKey()
	}
	keyed := *request
	keyed.Header = request.Header.Clone()
	if keyed.Header == nil {
		keyed.Header = http.Header{}
	}
	keyed.Header.Set(name, key)
	return &keyed
}

// newIdempotencyKey is a key no other call sends: a random (version 4) UUID.
func newIdempotencyKey() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(fmt.Sprintf("core: no randomness for an idempotency key: %v", err))
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}
