/** Server-sent events read as they arrive: `Stream<T>` is an async iterable of typed events
 * with `abort()`. The core hands it the open response; the connection closes when the stream
 * is read to the end, when a `for await` loop over it stops early, or on `abort()`. */

import { SdkError } from "./errors.js";
import { iterEvents, type ServerSentEvent } from "./sse.js";

/** The data of the event by which APIs say a stream is over (not itself an event). */
export const DONE = "[DONE]";

/** The stream sent an error event (`event: error`, or data that is only an `error`). */
export class StreamError extends SdkError {
  readonly event: ServerSentEvent;
  readonly body: unknown;

  constructor(message: string, event: ServerSentEvent, body: unknown) {
    super(message);
    this.event = event;
    this.body = body;
  }
}

function errorMessage(body: unknown): string {
  let detail: unknown = body;
  if (typeof detail === "object" && detail !== null && "error" in detail) {
    detail = (detail as { error: unknown }).error;
  }
  if (typeof detail === "object" && detail !== null && "message" in detail) {
    detail = (detail as { message: unknown }).message;
  }
  return `the stream sent an error: ${typeof detail === "string" ? detail : JSON.stringify(detail)}`;
}

/** The event's data: parsed JSON (kept as sent, like a response), or the text when it is not
 * JSON; an error event throws `StreamError`. */
export function decodeEvent<T>(event: ServerSentEvent): T {
  let body: unknown;
  try {
    body = JSON.parse(event.data) as unknown;
  } catch {
    body = event.data;
  }
  const onlyError =
    typeof body === "object" && body !== null && !Array.isArray(body) && Object.keys(body).join() === "error";
  if (event.event === "error" || onlyError) {
    throw new StreamError(errorMessage(body), event, body);
  }
  return body as T;
}

async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        return;
      }
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

/** The events of a streaming call, each a `T`; iterate it once with `for await`. */
export class Stream<T> implements AsyncIterable<T> {
  /** The HTTP response whose body the stream reads. */
  readonly response: Response;
  private readonly controller: AbortController;

  constructor(response: Response, controller: AbortController) {
    this.response = response;
    this.controller = controller;
  }

  /** Stop reading and close the connection: a `for await` loop over the stream ends. */
  abort(): void {
    this.controller.abort();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    const body = this.response.body;
    if (body === null) {
      return;
    }
    const signal = this.controller.signal;
    try {
      for await (const event of iterEvents(chunksOf(body))) {
        if (event.data === DONE || signal.aborted) {
          break;
        }
        yield decodeEvent<T>(event);
      }
    } catch (error) {
      if (!signal.aborted) {
        throw error;
      }
    }
  }
}
