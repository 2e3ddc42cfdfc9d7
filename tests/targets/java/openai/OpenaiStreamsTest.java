// OpenAI's chat completions and responses stream from sdkgen's mock (SPEC_SERVER_URL, every
// request checked against the corpus spec by the pytest runner) through the Java SDK.

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.example.openai.OpenaiClient;
import com.example.openai.core.Stream;
import com.example.openai.resources.chatcompletions.requests.ChatCompletionsCreateRequest;
import com.example.openai.types.ChatCompletionRequestMessage;
import com.example.openai.types.ChatCompletionRequestUserMessage;
import com.example.openai.types.CreateChatCompletionStreamResponse;
import com.example.openai.types.ModelIdsShared;
import com.example.openai.types.ResponseStreamEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenaiStreamsTest {
    private static OpenaiClient mock() {
        String base = System.getenv("SPEC_SERVER_URL");
        if (base == null || base.isEmpty()) {
            throw new IllegalStateException("SPEC_SERVER_URL is not set: pytest starts the mock");
        }
        return OpenaiClient.builder().apiKey("sk-test").url(base).build();
    }

    @Test
    void chatCompletionsStream() {
        ChatCompletionRequestMessage message = ChatCompletionRequestMessage.of(
                ChatCompletionRequestUserMessage.builder().content("Say hi").role("user").build());
        ChatCompletionsCreateRequest request = ChatCompletionsCreateRequest.builder()
                .messages(List.of(message)).model(ModelIdsShared.of("gpt-4o")).build();
        int count = 0;
        try (Stream<CreateChatCompletionStreamResponse> stream =
                mock().chatCompletions().createStream(request)) {
            for (CreateChatCompletionStreamResponse chunk : stream) {
                assertFalse(chunk.getId().isEmpty(), stream.lastEvent().orElseThrow().data());
                count++;
            }
        }
        assertEquals(3, count);
    }

    @Test
    void responsesStream() {
        int count = 0;
        try (Stream<ResponseStreamEvent> stream = mock().responses().createStream()) {
            for (ResponseStreamEvent event : stream) {
                assertNotNull(event, stream.lastEvent().orElseThrow().data());
                count++;
            }
        }
        assertEquals(3, count);
    }
}
