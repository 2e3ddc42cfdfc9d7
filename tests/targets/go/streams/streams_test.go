// Behaviour tests of streaming in the Go SDK of tests/support/streams_spec.yaml: against the
// scripted server of tests/support/stream_server.py (STREAM_SERVER_URL: events cut across
// chunks, error events, drifting events, a held stream, downloads) and against sdkgen's mock
// (SPEC_SERVER_URL, every request checked against the spec by the pytest runner).
package streamstest

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	streams "example.com/streams-go"
	"example.com/streams-go/client"
	"example.com/streams-go/core"
	"example.com/streams-go/option"
)

func clientOf(t *testing.T, variable string) *client.Client {
	t.Helper()
	base := os.Getenv(variable)
	if base == "" {
		t.Fatalf("%s is not set: pytest starts the server", variable)
	}
	return client.NewClient(option.WithBaseURL(base), option.WithToken("t"))
}

func scripted(t *testing.T) *client.Client {
	return clientOf(t, "STREAM_SERVER_URL")
}

func script(name string) option.RequestOption {
	return option.WithHTTPHeader(http.Header{"X-Script": []string{name}})
}

// pattern is the scripted server's download of size bytes: a counter, so a misplaced chunk shows.
func pattern(size int) []byte {
	body := make([]byte, size)
	for i := range body {
		body[i] = byte(i % 256)
	}
	return body
}

func TestEveryEventArrivesTypedAndInOrder(t *testing.T) {
	stream, err := scripted(t).Events.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	var got []string
	for stream.Next() {
		tick := stream.Current()
		note := ""
		if tick.Note != nil {
			note = *tick.Note
		}
		got = append(got, strconv.Itoa(tick.Sequence)+":"+note)
	}
	if err := stream.Err(); err != nil {
		t.Fatal(err)
	}
	want := []string{"1:", "2:café ☕", "3:", "4:"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("events %q, want %q", got, want)
	}
	last := stream.Event()
	if last.ID != "4" || !last.HasRetry || last.Retry != 1500*time.Millisecond {
		t.Fatalf("last event %+v", last)
	}
}

func TestTheStreamMethodStreamsAndThePlainOneReturnsTheModel(t *testing.T) {
	c := scripted(t)
	stream, err := c.Completions.CreateStream(context.Background(), &streams.CompletionsCreateRequest{Prompt: "hi"})
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	var deltas []string
	for stream.Next() {
		deltas = append(deltas, stream.Current().Delta)
	}
	if stream.Err() != nil || strings.Join(deltas, "|") != "Hel|lo, |world" {
		t.Fatalf("deltas %q: %v", deltas, stream.Err())
	}
	whole, err := c.Completions.Create(context.Background(), &streams.CompletionsCreateRequest{Prompt: "hi"})
	if err != nil || whole.Text != "Hello, world" {
		t.Fatalf("%+v %v", whole, err)
	}
}

func TestAnErrorEventEndsTheStreamWithAStreamError(t *testing.T) {
	stream, err := scripted(t).Events.List(context.Background(), script("error"))
	if err != nil {
		t.Fatal(err)
	}
	var seen []int
	for stream.Next() {
		seen = append(seen, stream.Current().Sequence)
	}
	var streamError *core.StreamError
	if len(seen) != 1 || seen[0] != 1 || !errors.As(stream.Err(), &streamError) {
		t.Fatalf("seen %v, error %v", seen, stream.Err())
	}
	if !strings.Contains(streamError.Error(), "the model is overloaded") || streamError.Event.Event != "error" {
		t.Fatalf("%v %+v", streamError, streamError.Event)
	}
}

func TestEventsThatDoNotFitDoNotEndTheStream(t *testing.T) {
	stream, err := scripted(t).Events.List(context.Background(), script("drift"))
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	var events []*streams.Tick
	var data []string
	for stream.Next() {
		events = append(events, stream.Current())
		data = append(data, stream.Event().Data)
	}
	if stream.Err() != nil || len(events) != 3 {
		t.Fatalf("%d events: %v", len(events), stream.Err())
	}
	if events[0] == nil || events[0].Sequence != 0 || events[0].Note == nil || *events[0].Note != "a string where a number goes" {
		t.Fatalf("drifted event %+v", events[0])
	}
	if events[1] != nil || data[1] != "plain words" || events[2] == nil || events[2].Sequence != 3 {
		t.Fatalf("events %+v, data %q", events, data)
	}
}

func TestStrictDecodingMakesADriftedEventAnError(t *testing.T) {
	stream, err := scripted(t).Events.List(context.Background(), script("drift"), option.WithStrictDecoding())
	if err != nil {
		t.Fatal(err)
	}
	var decodeError *core.DecodeError
	if stream.Next() || !errors.As(stream.Err(), &decodeError) {
		t.Fatalf("strict decoding accepted the event: %v", stream.Err())
	}
}

func TestCancellingTheContextEndsAHeldStream(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stream, err := scripted(t).Events.List(ctx, script("hold"))
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	if !stream.Next() || stream.Current().Sequence != 1 {
		t.Fatalf("first event: %v", stream.Err())
	}
	cancel()
	if stream.Next() {
		t.Fatal("an event after the context was cancelled")
	}
	if !errors.Is(stream.Err(), context.Canceled) {
		t.Fatalf("error %v, want context.Canceled", stream.Err())
	}
}

func TestClosingAStreamEarlyStopsIt(t *testing.T) {
	stream, err := scripted(t).Events.List(context.Background(), script("hold"))
	if err != nil {
		t.Fatal(err)
	}
	if !stream.Next() {
		t.Fatal(stream.Err())
	}
	if err := stream.Close(); err != nil {
		t.Fatal(err)
	}
	if stream.Next() || stream.Err() != nil || stream.Close() != nil {
		t.Fatalf("a closed stream read on: %v", stream.Err())
	}
}

func TestADownloadIsReadAsItArrives(t *testing.T) {
	size := 3*65536 + 123
	body, err := scripted(t).FileContent.List(context.Background(), strconv.Itoa(size))
	if err != nil {
		t.Fatal(err)
	}
	defer body.Close()
	target := filepath.Join(t.TempDir(), "download.bin")
	file, err := os.Create(target)
	if err != nil {
		t.Fatal(err)
	}
	written, err := io.CopyBuffer(file, body, make([]byte, 4096))
	if closeErr := file.Close(); err != nil || closeErr != nil || written != int64(size) {
		t.Fatalf("%d bytes: %v %v", written, err, closeErr)
	}
	saved, err := os.ReadFile(target)
	if err != nil || !bytes.Equal(saved, pattern(size)) {
		t.Fatalf("the file differs from the download (%v)", err)
	}
}

func TestARawDownloadGivesStatusAndHeaders(t *testing.T) {
	response, err := scripted(t).FileContent.WithRawResponse.List(context.Background(), "1000")
	if err != nil {
		t.Fatal(err)
	}
	defer response.Body.Close()
	head := make([]byte, 10)
	if _, err := io.ReadFull(response.Body, head); err != nil {
		t.Fatal(err)
	}
	if response.StatusCode != 200 || response.Header.Get("Content-Type") != "application/octet-stream" || !bytes.Equal(head, pattern(10)) {
		t.Fatalf("%d %v %v", response.StatusCode, response.Header, head)
	}
}

func TestTheMockStreamsEvents(t *testing.T) {
	stream, err := clientOf(t, "SPEC_SERVER_URL").Events.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	count := 0
	for stream.Next() {
		if stream.Current() == nil {
			t.Fatalf("event %q is not a tick", stream.Event().Data)
		}
		count++
	}
	if stream.Err() != nil || count != 3 {
		t.Fatalf("%d events: %v", count, stream.Err())
	}
}

func TestTheMockStreamsACompletionAndAnswersTheModel(t *testing.T) {
	c := clientOf(t, "SPEC_SERVER_URL")
	stream, err := c.Completions.CreateStream(context.Background(), &streams.CompletionsCreateRequest{Prompt: "hi"})
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	count := 0
	for stream.Next() {
		if stream.Current() == nil || stream.Current().ID == "" {
			t.Fatalf("chunk %q", stream.Event().Data)
		}
		count++
	}
	if stream.Err() != nil || count != 3 {
		t.Fatalf("%d chunks: %v", count, stream.Err())
	}
	whole, err := c.Completions.Create(context.Background(), &streams.CompletionsCreateRequest{Prompt: "hi"})
	if err != nil || whole.ID == "" {
		t.Fatalf("%+v %v", whole, err)
	}
}

func TestTheMockSendsADownloadOfTheAskedSize(t *testing.T) {
	size := 5*65536 + 1
	header := option.WithHTTPHeader(http.Header{"Mock-Body-Size": []string{strconv.Itoa(size)}})
	body, err := clientOf(t, "SPEC_SERVER_URL").FileContent.List(context.Background(), "file_1", header)
	if err != nil {
		t.Fatal(err)
	}
	defer body.Close()
	read, err := io.Copy(io.Discard, body)
	if err != nil || read != int64(size) {
		t.Fatalf("%d bytes: %v", read, err)
	}
}
