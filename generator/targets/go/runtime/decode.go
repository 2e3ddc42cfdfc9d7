package core

import (
	"encoding/json"
	"errors"
)

// JSON decodes a JSON response. A field whose value does not match its type is left empty
// (a drifting API never fails a call) unless the options ask for strict decoding.
func JSON[T any](raw *RawResponse, options *RequestOptions) (T, error) {
	var decoded T
	if len(raw.Body) == 0 {
		return decoded, nil
	}
	if err := decodeLenient(raw.Body, &decoded, options.StrictDecoding); err != nil {
		return decoded, &DecodeError{StatusCode: raw.StatusCode, Body: raw.Body, Err: err}
	}
	return decoded, nil
}

func decodeLenient(data []byte, into any, strict bool) error {
	err := json.Unmarshal(data, into)
	var mismatch *json.UnmarshalTypeError
	if err != nil && !strict && errors.As(err, &mismatch) {
		return nil
	}
	return err
}

// Bytes is a response body as it came.
func Bytes(raw *RawResponse, _ *RequestOptions) ([]byte, error) {
	return raw.Body, nil
}

// Text is a response body as text.
func Text(raw *RawResponse, _ *RequestOptions) (string, error) {
	return string(raw.Body), nil
}

// Nothing reads no body: the operation answers none.
func Nothing(_ *RawResponse, _ *RequestOptions) (struct{}, error) {
	return struct{}{}, nil
}
