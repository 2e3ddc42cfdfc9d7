package core

import (
	"bytes"
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

// DecodeUnion decodes a union told apart by a property: into what typed gives for the
// property's value, or into a map for a value typed does not know (a member newer than the
// SDK). Members decode leniently, as every response does.
func DecodeUnion(data []byte, property string, typed func(tag string) any) (any, error) {
	if string(bytes.TrimSpace(data)) == "null" {
		return nil, nil
	}
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(data, &probe); err != nil {
		return nil, err
	}
	var tag string
	_ = json.Unmarshal(probe[property], &tag)
	if into := typed(tag); into != nil {
		if err := decodeLenient(data, into, false); err != nil {
			return nil, err
		}
		return into, nil
	}
	var object map[string]any
	err := json.Unmarshal(data, &object)
	return object, err
}
