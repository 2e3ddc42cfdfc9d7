// OpenAI's chat completions and responses stream from sdkgen's mock (SPEC_SERVER_URL, every
// request checked against the corpus spec by the pytest runner) through the Go SDK.
package openaitest

import (
	"context"
	"os"
	"testing"

	openai "example.com/openai-go"
	"example.com/openai-go/client"
	"example.com/openai-go/option"
)

func mockClient(t *testing.T) *client.Client {
	base := os.Getenv("SPEC_SERVER_URL")
	if base == "" {
		t.Fatal("SPEC_SERVER_URL is not set: pytest starts the mock")
	}
	return client.NewClient(option.WithBaseURL(base), option.WithToken("sk-test"))
}

func TestChatCompletionsStream(t *testing.T) {
	message := openai.ChatCompletionRequestMessage{Value: map[string]any{"role": "user", "content": "Say hi"}}
	request := &openai.ChatCompletionsCreateRequest{Messages: []openai.ChatCompletionRequestMessage{message}, Model: "gpt-4o"}
	stream, err := mockClient(t).ChatCompletions.CreateStream(context.Background(), request)
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	count := 0
	for stream.Next() {
		if chunk := stream.Current(); chunk == nil || chunk.ID == "" {
			t.Fatalf("chunk %q", stream.Event().Data)
		}
		count++
	}
	if stream.Err() != nil || count != 3 {
		t.Fatalf("%d chunks: %v", count, stream.Err())
	}
}

func TestResponsesStream(t *testing.T) {
	request := &openai.ResponsesCreateRequest{Model: "gpt-4o", Input: "Say hi"}
	stream, err := mockClient(t).Responses.CreateStream(context.Background(), request)
	if err != nil {
		t.Fatal(err)
	}
	defer stream.Close()
	count := 0
	for stream.Next() {
		if stream.Current().Value == nil {
			t.Fatalf("event %q", stream.Event().Data)
		}
		count++
	}
	if stream.Err() != nil || count != 3 {
		t.Fatalf("%d events: %v", count, stream.Err())
	}
}
