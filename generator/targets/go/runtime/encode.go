package core

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"reflect"
	"strings"
)

// PathSegment is a path parameter's value, escaped for its segment.
func PathSegment(value any) string {
	return url.PathEscape(text(value))
}

func text(value any) string {
	switch v := value.(type) {
	case string:
		return v
	case []byte:
		return string(v)
	case fmt.Stringer:
		return v.String()
	}
	kind := reflect.ValueOf(value).Kind()
	if kind == reflect.Map || kind == reflect.Struct || kind == reflect.Pointer {
		encoded, err := json.Marshal(value)
		if err == nil {
			return string(encoded)
		}
	}
	return fmt.Sprint(value)
}

// AddQuery adds a query parameter: a list as repeated parameters when explode is set, else
// comma-separated.
func AddQuery(query url.Values, name string, value any, explode bool) {
	list := reflect.ValueOf(value)
	if list.Kind() != reflect.Slice || list.Type().Elem().Kind() == reflect.Uint8 {
		query.Add(name, text(value))
		return
	}
	parts := make([]string, list.Len())
	for i := range parts {
		parts[i] = text(list.Index(i).Interface())
	}
	if explode {
		query[name] = append(query[name], parts...)
	} else {
		query.Add(name, strings.Join(parts, ","))
	}
}

// SetHeader sets a header parameter (a list comma-separated).
func SetHeader(header http.Header, name string, value any) {
	list := reflect.ValueOf(value)
	if list.Kind() == reflect.Slice && list.Type().Elem().Kind() != reflect.Uint8 {
		parts := make([]string, list.Len())
		for i := range parts {
			parts[i] = text(list.Index(i).Interface())
		}
		header.Set(name, strings.Join(parts, ","))
		return
	}
	header.Set(name, text(value))
}

// JSONBody encodes a JSON request body.
func JSONBody(value any) (*Body, error) {
	encoded, err := json.Marshal(value)
	if err != nil {
		return nil, err
	}
	return &Body{ContentType: "application/json", Bytes: encoded}, nil
}

// JSONBodyChoosing encodes a JSON request body with the boolean field name set to true when
// chosen (a stream method's `"stream": true`), left as it is otherwise.
func JSONBodyChoosing(value any, name string, chosen bool) (*Body, error) {
	body, err := JSONBody(value)
	if err != nil || !chosen {
		return body, err
	}
	object := bytes.TrimSpace(body.Bytes)
	if len(object) < 2 || object[0] != '{' || object[len(object)-1] != '}' {
		return nil, fmt.Errorf("the %q field needs a JSON object body, not %s", name, object)
	}
	field, err := json.Marshal(name)
	if err != nil {
		return nil, err
	}
	encoded := append([]byte(nil), object[:len(object)-1]...)
	if len(bytes.TrimSpace(encoded[1:])) > 0 {
		encoded = append(encoded, ',')
	}
	encoded = append(append(encoded, field...), ":true}"...)
	return &Body{ContentType: body.ContentType, Bytes: encoded}, nil
}

// FormBody encodes an application/x-www-form-urlencoded body.
func FormBody(form url.Values) *Body {
	return &Body{ContentType: "application/x-www-form-urlencoded", Bytes: []byte(form.Encode())}
}

// ReaderBody reads a whole body (bytes or text) to send, so that a retry sends it again.
func ReaderBody(reader io.Reader, contentType string) (*Body, error) {
	if reader == nil {
		return &Body{ContentType: contentType}, nil
	}
	content, err := io.ReadAll(reader)
	if err != nil {
		return nil, err
	}
	return &Body{ContentType: contentType, Bytes: content}, nil
}

// Part is one part of a multipart body: a value, or a file when File is set.
type Part struct {
	Name     string
	Value    any
	File     io.Reader
	Filename string
}

// MultipartBody encodes a multipart/form-data body.
func MultipartBody(parts []Part) (*Body, error) {
	var buffer bytes.Buffer
	writer := multipart.NewWriter(&buffer)
	for _, part := range parts {
		if part.File == nil {
			if err := writer.WriteField(part.Name, text(part.Value)); err != nil {
				return nil, err
			}
			continue
		}
		filename := part.Filename
		if filename == "" {
			filename = part.Name
		}
		file, err := writer.CreateFormFile(part.Name, filename)
		if err != nil {
			return nil, err
		}
		if _, err := io.Copy(file, part.File); err != nil {
			return nil, err
		}
	}
	if err := writer.Close(); err != nil {
		return nil, err
	}
	return &Body{ContentType: writer.FormDataContentType(), Bytes: buffer.Bytes()}, nil
}

// FormValues are the fields of a whole form body (a struct or map) as form values.
func FormValues(value any) (url.Values, error) {
	encoded, err := json.Marshal(value)
	if err != nil {
		return nil, err
	}
	fields, err := objectFields(encoded)
	form := url.Values{}
	for name, field := range fields {
		AddQuery(form, name, field, true)
	}
	return form, err
}
