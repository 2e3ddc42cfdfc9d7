package core

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// APIError is a response with a status of 400 or more; reach it with errors.As.
type APIError struct {
	StatusCode int
	Header     http.Header
	Body       []byte
}

func (e *APIError) Error() string {
	text := strings.TrimSpace(string(e.Body))
	if len(text) > 500 {
		text = text[:500] + "..."
	}
	if text == "" {
		return fmt.Sprintf("%d %s", e.StatusCode, http.StatusText(e.StatusCode))
	}
	return fmt.Sprintf("%d %s: %s", e.StatusCode, http.StatusText(e.StatusCode), text)
}

// NotFound says whether the error is an APIError with status 404.
func NotFound(err error) bool {
	var apiError *APIError
	return errors.As(err, &apiError) && apiError.StatusCode == http.StatusNotFound
}

// DecodeError is a response body that does not match its type, under strict decoding (or one
// that is not JSON at all).
type DecodeError struct {
	StatusCode int
	Body       []byte
	Err        error
}

func (e *DecodeError) Error() string {
	return fmt.Sprintf("decoding the %d response: %v", e.StatusCode, e.Err)
}

func (e *DecodeError) Unwrap() error { return e.Err }
