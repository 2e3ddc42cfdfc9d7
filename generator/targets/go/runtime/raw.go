package core

import (
	"context"
	"encoding/json"
	"net/http"
)

// retrySafeMethods are the methods a raw call retries after a failed attempt: sending them
// twice does the work once. A raw POST or PATCH is sent once.
var retrySafeMethods = map[string]bool{
	http.MethodGet: true, http.MethodHead: true, http.MethodOptions: true,
	http.MethodPut: true, http.MethodDelete: true,
}

// Raw sends a request the API's methods do not describe through the client's caller: the
// same base URL, credentials, headers, retries, redirect handling and *APIError as a
// generated call. path is relative to the base URL and may carry a query after "?"; body,
// when not nil, is sent as JSON; a successful answer is decoded into out as JSON (out nil:
// discarded; out a *[]byte: the body as it came). The response's status and headers are
// returned with the body read.
func Raw(ctx context.Context, caller *Caller, method, path string, body, out any, call []RequestOption) (*RawResponse, error) {
	request := &Request{Method: method, Path: path, Header: http.Header{}, RetrySafe: retrySafeMethods[method]}
	request.Header.Set("Accept", "application/json")
	if body != nil {
		encoded, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		request.Body = &Body{ContentType: "application/json", Bytes: encoded}
	}
	options := caller.Options(call)
	raw, err := caller.Send(ctx, request, options)
	if err != nil {
		return raw, err
	}
	switch into := out.(type) {
	case nil:
	case *[]byte:
		*into = raw.Body
	default:
		if len(raw.Body) > 0 {
			if err := decodeLenient(raw.Body, into, options.StrictDecoding); err != nil {
				return raw, &DecodeError{StatusCode: raw.StatusCode, Body: raw.Body, Err: err}
			}
		}
	}
	return raw, nil
}
