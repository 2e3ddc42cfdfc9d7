package core

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"io"
	"os"
	"strings"
	"testing"
	"time"
)

// parserCase is one case of tests/support/sse_cases.py: chunks and the events Python's parser
// reads from them.
type parserCase struct {
	Name   string   `json:"name"`
	Chunks []string `json:"chunks"`
	Events [][]any  `json:"events"`
}

func loadCases(t *testing.T) []parserCase {
	path := os.Getenv("SSE_CASES")
	if path == "" {
		t.Fatal("SSE_CASES names no file of cases")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var cases []parserCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatal(err)
	}
	return cases
}

func decodeAll(t *testing.T, chunks []string) []ServerSentEvent {
	var decoder EventDecoder
	var events []ServerSentEvent
	for _, chunk := range chunks {
		bytes, err := base64.StdEncoding.DecodeString(chunk)
		if err != nil {
			t.Fatal(err)
		}
		events = append(events, decoder.Feed(bytes)...)
	}
	return append(events, decoder.Finish()...)
}

func expected(row []any) ServerSentEvent {
	event := ServerSentEvent{Event: row[0].(string), Data: row[1].(string)}
	if id, ok := row[2].(string); ok {
		event.ID = id
	}
	if retry, ok := row[3].(float64); ok {
		event.Retry, event.HasRetry = time.Duration(retry)*time.Millisecond, true
	}
	return event
}

func TestEveryCaseReadsAsPythonReadsIt(t *testing.T) {
	cases := loadCases(t)
	if len(cases) < 20 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, c := range cases {
		got := decodeAll(t, c.Chunks)
		if len(got) != len(c.Events) {
			t.Fatalf("%s: %d events, want %d: %+v", c.Name, len(got), len(c.Events), got)
		}
		for i, row := range c.Events {
			if want := expected(row); got[i] != want {
				t.Fatalf("%s: event %d is %+v, want %+v", c.Name, i, got[i], want)
			}
		}
	}
}

func TestTheScriptParsesAsWritten(t *testing.T) {
	var decoder EventDecoder
	script := ": c\r\nretry: 1500\r\n\r\nid: 1\r\nevent: tick\r\ndata: {\"sequence\": 1}\r\n\r\n" +
		"data: {\"sequence\": 2,\ndata: \"note\": \"caf\xc3\xa9\"}\n\n"
	events := append(decoder.Feed([]byte(script)), decoder.Finish()...)
	want := []ServerSentEvent{
		{Event: "tick", Data: `{"sequence": 1}`, ID: "1", Retry: 1500 * time.Millisecond, HasRetry: true},
		{Event: "message", Data: "{\"sequence\": 2,\n\"note\": \"café\"}", ID: "1", Retry: 1500 * time.Millisecond, HasRetry: true},
	}
	if len(events) != 2 || events[0] != want[0] || events[1] != want[1] {
		t.Fatalf("%+v", events)
	}
}

func TestADecoderKeepsWhatItHasNotFinished(t *testing.T) {
	var decoder EventDecoder
	if got := decoder.Feed([]byte("data: hal")); len(got) != 0 {
		t.Fatal(got)
	}
	if got := decoder.Feed([]byte("f\n")); len(got) != 0 {
		t.Fatal(got)
	}
	if got := decoder.Feed([]byte("\n")); len(got) != 1 || got[0].Data != "half" {
		t.Fatal(got)
	}
	if got := decoder.Finish(); len(got) != 0 {
		t.Fatal(got)
	}
}

type tick struct {
	Sequence int    `json:"sequence"`
	Note     string `json:"note"`
}

func TestAnErrorEventIsAStreamError(t *testing.T) {
	_, err := decodeEvent[*tick](ServerSentEvent{Event: "error", Data: `{"error": {"message": "overloaded"}}`}, false)
	var streamError *StreamError
	if !errors.As(err, &streamError) || !strings.Contains(err.Error(), "overloaded") {
		t.Fatalf("%v", err)
	}
	body, _ := streamError.Body.(map[string]any)
	if _, ok := body["error"]; !ok {
		t.Fatalf("%#v", streamError.Body)
	}
}

func TestDataThatIsOnlyAnErrorIsAStreamErrorToo(t *testing.T) {
	_, err := decodeEvent[*tick](ServerSentEvent{Event: "message", Data: `{"error": "quota"}`}, false)
	var streamError *StreamError
	if !errors.As(err, &streamError) || !strings.Contains(err.Error(), "quota") {
		t.Fatalf("%v", err)
	}
}

func TestDataThatIsNotJSONIsKeptAsText(t *testing.T) {
	text, err := decodeEvent[string](ServerSentEvent{Event: "message", Data: "plain words"}, false)
	if err != nil || text != "plain words" {
		t.Fatalf("%q %v", text, err)
	}
	value, err := decodeEvent[*tick](ServerSentEvent{Event: "message", Data: "plain words"}, true)
	if err != nil || value != nil {
		t.Fatalf("%v %v", value, err)
	}
}

func TestAnEventThatDoesNotFitIsReadLeniently(t *testing.T) {
	data := `{"sequence": "one", "note": "kept"}`
	value, err := decodeEvent[*tick](ServerSentEvent{Event: "message", Data: data}, false)
	if err != nil || value == nil || value.Note != "kept" || value.Sequence != 0 {
		t.Fatalf("%+v %v", value, err)
	}
	var decodeError *DecodeError
	if _, err := decodeEvent[*tick](ServerSentEvent{Event: "message", Data: data}, true); !errors.As(err, &decodeError) {
		t.Fatalf("strict: %v", err)
	}
}

type closer struct {
	io.Reader
	closed bool
}

func (c *closer) Close() error {
	c.closed = true
	return nil
}

func TestAStreamEndsAtDoneAndCloses(t *testing.T) {
	body := &closer{Reader: strings.NewReader("data: {\"sequence\": 1}\n\ndata: [DONE]\n\ndata: {\"sequence\": 9}\n\n")}
	stream := NewStream[*tick](nil, body, false)
	var seen []int
	for stream.Next() {
		seen = append(seen, stream.Current().Sequence)
	}
	if stream.Err() != nil || len(seen) != 1 || seen[0] != 1 || !body.closed {
		t.Fatalf("%v %v %v", seen, stream.Err(), body.closed)
	}
}

func TestAChosenFieldJoinsTheBody(t *testing.T) {
	for _, c := range []struct {
		value  any
		chosen bool
		want   string
	}{
		{map[string]int{"a": 1}, true, `{"a":1,"stream":true}`},
		{struct{}{}, true, `{"stream":true}`},
		{map[string]int{"a": 1}, false, `{"a":1}`},
	} {
		body, err := JSONBodyChoosing(c.value, "stream", c.chosen)
		if err != nil || string(body.Bytes) != c.want {
			t.Fatalf("%s %v, want %s", body.Bytes, err, c.want)
		}
	}
	if _, err := JSONBodyChoosing([]int{1}, "stream", true); err == nil {
		t.Fatal("a list took the field")
	}
}
