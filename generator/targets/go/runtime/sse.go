package core

import (
	"strconv"
	"strings"
	"time"
)

// ServerSentEvent is one event as a text/event-stream sent it.
type ServerSentEvent struct {
	// Event is the event's type ("message" unless the stream named another).
	Event string
	// Data is the event's data, its data lines joined with newlines.
	Data string
	// ID is the last event id the stream set, empty if none.
	ID string
	// Retry is the reconnection delay the stream asked for; HasRetry says whether it did.
	Retry    time.Duration
	HasRetry bool
}

// EventDecoder turns the bytes of a text/event-stream into events, as the HTML standard
// parses them: bytes arrive in chunks that cut lines (even a CRLF pair, even a character)
// anywhere; lines end with LF, CR or CRLF; a line starting with ":" is a comment; the data
// lines of one event are joined with newlines; event, id and retry are kept with the event.
// Feed it chunks in order, then call Finish.
type EventDecoder struct {
	pending  []byte
	started  bool
	event    string
	data     []string
	id       string
	retry    time.Duration
	hasRetry bool
}

// Feed returns the events chunk completes.
func (d *EventDecoder) Feed(chunk []byte) []ServerSentEvent {
	buffer := append(d.pending, chunk...)
	var events []ServerSentEvent
	start := 0
	for i := 0; i < len(buffer); i++ {
		end := buffer[i]
		if end != '\n' && end != '\r' {
			continue
		}
		if end == '\r' && i+1 == len(buffer) {
			break // maybe the first half of a CRLF: kept for the next chunk
		}
		line := string(buffer[start:i])
		if end == '\r' && buffer[i+1] == '\n' {
			i++
		}
		start = i + 1
		if event, ok := d.line(line); ok {
			events = append(events, event)
		}
	}
	d.pending = append([]byte(nil), buffer[start:]...)
	return events
}

// Finish returns the events the end of the stream completes: a last line without its line
// end is a line; an event without its blank line is dropped, as the standard says.
func (d *EventDecoder) Finish() []ServerSentEvent {
	if len(d.pending) == 0 {
		return nil
	}
	line := strings.TrimRight(string(d.pending), "\r")
	d.pending = nil
	if event, ok := d.line(line); ok {
		return []ServerSentEvent{event}
	}
	return nil
}

func (d *EventDecoder) line(line string) (ServerSentEvent, bool) {
	if !d.started {
		d.started = true
		line = strings.TrimPrefix(line, "\ufeff")
	}
	if line == "" {
		return d.dispatch()
	}
	if line[0] == ':' {
		return ServerSentEvent{}, false
	}
	name, value, colon := strings.Cut(line, ":")
	if colon {
		value = strings.TrimPrefix(value, " ")
	}
	value = strings.ToValidUTF8(value, "\uFFFD")
	switch name {
	case "data":
		d.data = append(d.data, value)
	case "event":
		d.event = value
	case "id":
		if !strings.ContainsRune(value, 0) {
			d.id = value
		}
	case "retry":
		if milliseconds, err := strconv.ParseUint(value, 10, 63); err == nil {
			d.retry, d.hasRetry = time.Duration(milliseconds)*time.Millisecond, true
		}
	}
	return ServerSentEvent{}, false
}

func (d *EventDecoder) dispatch() (ServerSentEvent, bool) {
	if d.data == nil {
		d.event = ""
		return ServerSentEvent{}, false
	}
	event := ServerSentEvent{Event: d.event, Data: strings.Join(d.data, "\n"), ID: d.id,
		Retry: d.retry, HasRetry: d.hasRetry}
	if event.Event == "" {
		event.Event = "message"
	}
	d.event, d.data = "", nil
	return event, true
}
