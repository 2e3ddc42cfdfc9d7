/** A parser of server-sent events (the `text/event-stream` format of the HTML standard).
 *
 * Bytes arrive in chunks that split lines, CRLF pairs and characters anywhere; the decoder
 * keeps what it has not finished and yields each event once its blank line arrives. Lines end
 * with LF, CR or CRLF; a line starting with `:` is a comment; the `data:` lines of one event
 * are joined with newlines; `event:`, `id:` and `retry:` are kept with the event. */

/** One event as the stream sent it: its type, data, last event id and retry delay (ms). */
export interface ServerSentEvent {
  event: string;
  data: string;
  id: string | undefined;
  retry: number | undefined;
}

export class EventDecoder {
  private readonly text = new TextDecoder("utf-8");
  private pending = "";
  private started = false;
  private event = "";
  private data: string[] = [];
  private id: string | undefined = undefined;
  private retry: number | undefined = undefined;

  /** The events that `chunk` completes. */
  feed(chunk: Uint8Array): ServerSentEvent[] {
    let buffer = this.pending + this.text.decode(chunk, { stream: true });
    let held = "";
    if (buffer.endsWith("\r")) {
      buffer = buffer.slice(0, -1); // maybe the first half of a CRLF
      held = "\r";
    }
    if (buffer.includes("\r")) {
      buffer = buffer.replace(/\r\n?/g, "\n");
    }
    const lines = buffer.split("\n");
    this.pending = (lines.pop() ?? "") + held;
    const events: ServerSentEvent[] = [];
    for (const line of lines) {
      const event = this.line(line);
      if (event !== undefined) {
        events.push(event);
      }
    }
    return events;
  }

  /** The events the end of the stream completes (a last line without its newline is a line;
   * an event without its blank line is dropped, as the standard says). */
  finish(): ServerSentEvent[] {
    const rest = this.pending + this.text.decode();
    this.pending = "";
    if (rest === "") {
      return [];
    }
    const event = this.line(rest.replace(/\r$/, ""));
    return event === undefined ? [] : [event];
  }

  private line(text: string): ServerSentEvent | undefined {
    let line = text;
    if (!this.started) {
      this.started = true;
      line = line.replace(/^\uFEFF/, "");
    }
    if (line === "") {
      return this.dispatch();
    }
    if (line.startsWith(":")) {
      return undefined;
    }
    const colon = line.indexOf(":");
    const name = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) {
      value = value.slice(1);
    }
    if (name === "data") {
      this.data.push(value);
    } else if (name === "event") {
      this.event = value;
    } else if (name === "id" && !value.includes("\0")) {
      this.id = value;
    } else if (name === "retry" && /^\d+$/.test(value)) {
      this.retry = Number(value);
    }
    return undefined;
  }

  private dispatch(): ServerSentEvent | undefined {
    if (this.data.length === 0) {
      this.event = "";
      return undefined;
    }
    const event: ServerSentEvent = {
      event: this.event === "" ? "message" : this.event,
      data: this.data.join("\n"),
      id: this.id,
      retry: this.retry,
    };
    this.event = "";
    this.data = [];
    return event;
  }
}

/** The events of a stream of byte chunks, in order. */
export async function* iterEvents(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<ServerSentEvent> {
  const decoder = new EventDecoder();
  for await (const chunk of chunks) {
    yield* decoder.feed(chunk);
  }
  yield* decoder.finish();
}
