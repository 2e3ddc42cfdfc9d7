package core

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// Paging says how a list walks its pages. Fields are wire names, dotted for nested ones; an
// empty ItemsField means the body is the list itself.
type Paging struct {
	// Style is page_token, cursor, offset, page or next_url.
	Style      string
	ItemsField string
	// Param is the query parameter a next request sets: token, cursor, offset or page number.
	Param string
	// NextField holds the next token or cursor, or the next page's URL.
	NextField    string
	SizeParam    string
	HasMoreField string
	// TotalField is the total count: of items (offset) or of pages (page).
	TotalField string
	// CursorItemField is read from the last item when the response names no cursor.
	CursorItemField string
	LinkHeader      bool
}

// Iterator walks every item of every page of a list:
//
//	for iter.Next() { item := iter.Current() }
//	if err := iter.Err(); err != nil { ... }
type Iterator[T any] struct {
	ctx     context.Context
	caller  *Caller
	request *Request
	options *RequestOptions
	paging  Paging
	items   []T
	index   int
	current T
	done    bool
	err     error
	seen    map[string]bool
}

// NewIterator is the iterator of a list whose first request is `request`.
func NewIterator[T any](ctx context.Context, caller *Caller, request *Request, call []RequestOption, paging Paging) *Iterator[T] {
	return &Iterator[T]{ctx: ctx, caller: caller, request: request, options: caller.Options(call), paging: paging, seen: map[string]bool{}}
}

// Next moves to the next item, fetching the next page when needed; false at the end or on an
// error (see Err).
func (it *Iterator[T]) Next() bool {
	for it.index >= len(it.items) {
		if it.done || it.err != nil {
			return false
		}
		it.fetch()
	}
	it.current = it.items[it.index]
	it.index++
	return true
}

// Current is the item Next moved to.
func (it *Iterator[T]) Current() T { return it.current }

// Err is the error that stopped the walk, if any.
func (it *Iterator[T]) Err() error { return it.err }

func (it *Iterator[T]) fetch() {
	raw, err := it.caller.Send(it.ctx, it.request, it.options)
	if err != nil {
		it.err = err
		return
	}
	envelope, err := objectOrList(raw.Body)
	if err != nil {
		it.err = &DecodeError{StatusCode: raw.StatusCode, Body: raw.Body, Err: err}
		return
	}
	listed, _ := readPath(envelope, it.paging.ItemsField).([]any)
	it.items, it.index = make([]T, 0, len(listed)), 0
	for _, item := range listed {
		var decoded T
		encoded, _ := json.Marshal(item)
		if err := decodeLenient(encoded, &decoded, it.options.StrictDecoding); err != nil {
			it.err = &DecodeError{StatusCode: raw.StatusCode, Body: raw.Body, Err: err}
			return
		}
		it.items = append(it.items, decoded)
	}
	next := nextRequest(it.paging, envelope, listed, it.request.Query, raw.Header)
	if next == nil {
		it.done = true
		return
	}
	following, err := it.following(next)
	if err != nil {
		it.err = err
		return
	}
	key := following.Path + "?" + following.Query.Encode()
	if it.seen[key] {
		it.done = true // the API named a page already walked: stop rather than loop
		return
	}
	it.seen[key] = true
	it.request = following
}

type nextPage struct {
	query url.Values
	url   string
}

func (it *Iterator[T]) following(next *nextPage) (*Request, error) {
	following := *it.request
	following.Query = url.Values{}
	for name, values := range it.request.Query {
		following.Query[name] = values
	}
	if next.url == "" {
		for name, values := range next.query {
			following.Query[name] = values
		}
		return &following, nil
	}
	base, err := it.caller.baseURL(it.options)
	if err != nil {
		return nil, err
	}
	path, query, err := pageTarget(next.url, base)
	if err != nil {
		return nil, err
	}
	following.Path, following.Query = path, query
	return &following, nil
}

// pageTarget is a next page's URL as a path under the base URL and its query. A URL elsewhere
// is refused: following it would send the client's credentials to another server.
func pageTarget(next string, baseURL string) (string, url.Values, error) {
	base, err := url.Parse(strings.TrimRight(baseURL, "/") + "/")
	if err != nil {
		return "", nil, err
	}
	target, err := base.Parse(next)
	if err != nil {
		return "", nil, err
	}
	root := strings.TrimRight(base.Scheme+"://"+base.Host+base.Path, "/")
	full := target.Scheme + "://" + target.Host + target.Path
	if full != root && !strings.HasPrefix(full, root+"/") {
		return "", nil, fmt.Errorf("the next page's URL %q is not under the client's base URL %q", next, baseURL)
	}
	return full[len(root):], target.Query(), nil
}

var linkPart = regexp.MustCompile(`<([^>]*)>((?:\s*;\s*[^;,]+)*)`)
var relPart = regexp.MustCompile(`(?i);\s*rel\s*=\s*"?([^";]*)"?`)

// nextLink is the rel="next" URL of an RFC 8288 Link header, if there is one.
func nextLink(header http.Header) string {
	for _, match := range linkPart.FindAllStringSubmatch(header.Get("Link"), -1) {
		for _, rel := range relPart.FindAllStringSubmatch(match[2], -1) {
			for _, word := range strings.Fields(strings.ToLower(rel[1])) {
				if word == "next" {
					return strings.TrimSpace(match[1])
				}
			}
		}
	}
	return ""
}

func objectOrList(body []byte) (any, error) {
	decoder := json.NewDecoder(bytes.NewReader(body))
	decoder.UseNumber()
	var envelope any
	err := decoder.Decode(&envelope)
	return envelope, err
}

func objectFields(encoded []byte) (map[string]any, error) {
	decoded, err := objectOrList(encoded)
	fields, _ := decoded.(map[string]any)
	return fields, err
}

// readPath is the value at a dotted path of wire names; the empty path is the value itself.
func readPath(value any, path string) any {
	if path == "" {
		return value
	}
	for _, part := range strings.Split(path, ".") {
		object, ok := value.(map[string]any)
		if !ok {
			return nil
		}
		value = object[part]
	}
	return value
}

func present(value any) bool {
	return value != nil && value != ""
}

func asNumber(value any) (int64, bool) {
	switch v := value.(type) {
	case json.Number:
		n, err := v.Int64()
		return n, err == nil
	case string:
		n, err := strconv.ParseInt(v, 10, 64)
		return n, err == nil
	}
	return 0, false
}

func queryNumber(query url.Values, name string) (int64, bool) {
	if name == "" || query.Get(name) == "" {
		return 0, false
	}
	return asNumber(query.Get(name))
}

// nextRequest is the request of the page after this one, by the paging style; nil after the
// last page.
func nextRequest(paging Paging, envelope any, items []any, query url.Values, header http.Header) *nextPage {
	if paging.HasMoreField != "" {
		if more := readPath(envelope, paging.HasMoreField); more == false || more == "false" {
			return nil
		}
	}
	link := ""
	if paging.LinkHeader {
		link = nextLink(header)
	}
	switch paging.Style {
	case "next_url":
		if next := readPath(envelope, paging.NextField); paging.NextField != "" && present(next) {
			return &nextPage{url: text(next)}
		}
		if link != "" {
			return &nextPage{url: link}
		}
		return nil
	case "page_token", "cursor":
		return nextCursor(paging, envelope, items)
	}
	return nextNumbered(paging, envelope, items, query, link)
}

func nextNumbered(paging Paging, envelope any, items []any, query url.Values, link string) *nextPage {
	if len(items) == 0 || paging.Param == "" {
		return nil
	}
	if paging.NextField != "" && !present(readPath(envelope, paging.NextField)) {
		return nil
	}
	if paging.LinkHeader && link == "" {
		return nil
	}
	told := paging.NextField != "" || paging.LinkHeader || paging.HasMoreField != ""
	total, hasTotal := asNumber(readPath(envelope, paging.TotalField))
	if paging.TotalField == "" {
		hasTotal = false
	}
	size, hasSize := queryNumber(query, paging.SizeParam)
	if !hasTotal && !told && hasSize && int64(len(items)) < size {
		return nil // a short page is the last one
	}
	if paging.Style == "offset" {
		offset, _ := queryNumber(query, paging.Param)
		offset += int64(len(items))
		if hasTotal && offset >= total {
			return nil
		}
		return &nextPage{query: url.Values{paging.Param: {strconv.FormatInt(offset, 10)}}}
	}
	current, ok := queryNumber(query, paging.Param)
	if !ok {
		current = 1
	}
	if hasTotal && current >= total {
		return nil
	}
	if link != "" {
		return &nextPage{url: link}
	}
	return &nextPage{query: url.Values{paging.Param: {strconv.FormatInt(current+1, 10)}}}
}

func nextCursor(paging Paging, envelope any, items []any) *nextPage {
	if paging.Param == "" {
		return nil
	}
	var token any
	if paging.NextField != "" {
		token = readPath(envelope, paging.NextField)
	} else if len(items) > 0 && paging.CursorItemField != "" {
		token = readPath(items[len(items)-1], paging.CursorItemField)
	}
	if !present(token) || (len(items) == 0 && paging.NextField == "") {
		return nil
	}
	return &nextPage{query: url.Values{paging.Param: {text(token)}}}
}

// FailedIterator is an iterator whose first request could not be built: Next is false and
// Err says why.
func FailedIterator[T any](err error) *Iterator[T] {
	return &Iterator[T]{err: err}
}
