package core

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// Done is the data of the event by which APIs say a stream is over (not itself an event).
const Done = "[DONE]"

const streamChunkSize = 32 * 1024

// Stream is the events of a streaming call, each decoded as T, read as they arrive:
//
//	defer stream.Close()
//	for stream.Next() { event := stream.Current() }
//	if err := stream.Err(); err != nil { ... }
//
// An event whose data does not fit T is decoded leniently, as a response is (the fields that
// do not fit are left empty; data that is not JSON gives T's zero value, or the text when T
// is string); Event keeps every event as it came. The stream ends at the "[DONE]" event or at
// the end of the body; an error event ends it with a *StreamError. Cancelling the call's
// context ends it too, with the context's error.
type Stream[T any] struct {
	ctx     context.Context
	body    io.ReadCloser
	strict  bool
	decoder EventDecoder
	buffer  []byte
	queue   []ServerSentEvent
	ended   bool
	current T
	event   ServerSentEvent
	err     error
	closed  bool
}

// NewStream reads the events of body, an open response body, until it ends or ctx is done.
func NewStream[T any](ctx context.Context, body io.ReadCloser, strict bool) *Stream[T] {
	if ctx == nil {
		ctx = context.Background()
	}
	return &Stream[T]{ctx: ctx, body: body, strict: strict}
}

// Events is the decoder of a call that answers with server-sent events.
func Events[T any](raw *RawResponse, options *RequestOptions) (*Stream[T], error) {
	return NewStream[T](raw.ctx, raw.Stream, options.StrictDecoding), nil
}

// Download is the decoder of a call that answers with bytes: the body unread, to be read as
// it arrives and closed by the caller.
func Download(raw *RawResponse, _ *RequestOptions) (io.ReadCloser, error) {
	return raw.Stream, nil
}

// Next reads the next event; false at the end of the stream or on an error (see Err).
func (s *Stream[T]) Next() bool {
	for s.err == nil && !s.closed {
		if err := s.ctx.Err(); err != nil {
			s.err = err
			break
		}
		if len(s.queue) > 0 {
			event := s.queue[0]
			s.queue = s.queue[1:]
			if event.Data == Done {
				break
			}
			value, err := decodeEvent[T](event, s.strict)
			if err != nil {
				s.err = err
				break
			}
			s.current, s.event = value, event
			return true
		}
		if s.ended {
			break
		}
		s.read()
	}
	s.Close()
	return false
}

func (s *Stream[T]) read() {
	if s.buffer == nil {
		s.buffer = make([]byte, streamChunkSize)
	}
	n, err := s.body.Read(s.buffer)
	if n > 0 {
		s.queue = append(s.queue, s.decoder.Feed(s.buffer[:n])...)
	}
	switch {
	case errors.Is(err, io.EOF):
		s.queue = append(s.queue, s.decoder.Finish()...)
		s.ended = true
	case err != nil && s.ctx.Err() != nil:
		s.err = s.ctx.Err()
	case err != nil:
		s.err = err
	}
}

// Current is the event the last Next read.
func (s *Stream[T]) Current() T {
	return s.current
}

// Event is the event the last Next read, as the stream sent it.
func (s *Stream[T]) Event() ServerSentEvent {
	return s.event
}

// Err is the error that ended the stream, if one did.
func (s *Stream[T]) Err() error {
	return s.err
}

// Close closes the connection; events not read yet are dropped. Closing twice is harmless.
func (s *Stream[T]) Close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	return s.body.Close()
}

// StreamError is an error event a stream sent ("event: error", or data that is only an
// "error" object); reach it with errors.As.
type StreamError struct {
	Event ServerSentEvent
	// Body is the event's data: JSON read as maps, slices and scalars, else its text.
	Body any
}

func (e *StreamError) Error() string {
	detail := e.Body
	if object, ok := detail.(map[string]any); ok {
		if inner, ok := object["error"]; ok {
			detail = inner
		}
	}
	if object, ok := detail.(map[string]any); ok {
		if message, ok := object["message"]; ok {
			detail = message
		}
	}
	return fmt.Sprintf("the stream sent an error: %v", detail)
}

// decodeEvent is an event's data as T, or the *StreamError of an error event.
func decodeEvent[T any](event ServerSentEvent, strict bool) (T, error) {
	var value T
	data := []byte(event.Data)
	var body any
	if err := json.Unmarshal(data, &body); err != nil {
		body = event.Data
	}
	object, _ := body.(map[string]any)
	_, onlyError := object["error"]
	if event.Event == "error" || (onlyError && len(object) == 1) {
		return value, &StreamError{Event: event, Body: body}
	}
	if text, ok := body.(string); ok && !json.Valid(data) {
		if into, ok := any(&value).(*string); ok {
			*into = text
		}
		return value, nil
	}
	if err := decodeLenient(data, &value, strict); err != nil {
		return value, &DecodeError{StatusCode: 200, Body: data, Err: err}
	}
	return value, nil
}
