/** Requests sent on Node's own HTTP client rather than its `fetch`, where the two send the same
 * request: on Node, with no `fetch` of the caller's and the global one Node's own, a body of
 * text (or none) and an answer the SDK reads whole (JSON, text, nothing). Node's `fetch` costs
 * about three times the CPU of `node:http` per call (web streams for every body, and for a
 * request with an abort signal a listener, a weak reference and a finalizer); a timeout or the
 * caller's abort here destroys the request instead. On the wire it is the request `fetch`
 * sends (its `accept-encoding`, a `content-length` with a body), on connections kept alive as
 * fetch keeps them; a compressed answer is decompressed as `fetch` would.
 * Streams, uploads and every other runtime go through `fetch`. */

import type { Fetch } from "./core.js";

/** What of `node:http`, `node:https` and `node:zlib` this module uses (the SDK is typed
 * without Node's own types, so it runs in browsers too). */
interface Incoming {
  statusCode?: number;
  statusMessage?: string;
  rawHeaders: string[];
  on(event: "data", listener: (chunk: Uint8Array) => void): unknown;
  on(event: "end" | "close", listener: () => void): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
}

interface Outgoing {
  on(event: "error", listener: (error: Error) => void): unknown;
  end(body?: Uint8Array): void;
  destroy(error?: Error): void;
}

interface Client {
  Agent: new (options: { keepAlive: boolean; scheduling: "lifo"; timeout: number }) => unknown;
  request(
    url: string,
    options: { method: string; headers: Record<string, string>; agent: unknown },
    callback: (response: Incoming) => void,
  ): Outgoing;
}

type Decompress = (data: Uint8Array, callback: (error: Error | null, result: Uint8Array) => void) => void;

interface NodeModules {
  http: Client;
  https: Client;
  zlib: { unzip: Decompress; brotliDecompress: Decompress };
  /** The SDK's own agents, `http` and `https`, which keep connections alive (as fetch does;
   * Node's global agent does so only from Node 19), with the global agent's settings. */
  agents: readonly [unknown, unknown];
}

/** A response read whole off the wire: `bodyText` is its body, decoded. Only the SDK's own
 * reading sees it (as with any response it reads whole, before the hooks get it). */
export class ReadResponse extends Response {
  readonly bodyText: string;

  constructor(bodyText: string, init: ResponseInit) {
    super(null, init);
    this.bodyText = bodyText;
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

interface Runtime {
  process?: { release?: { name?: string } };
  Bun?: unknown;
  Deno?: unknown;
  fetch?: unknown;
}

let modules: NodeModules | null | undefined;
let loading: Promise<NodeModules | null> | undefined;

/** Node's HTTP modules on Node, `null` elsewhere; loaded on first use. The module names are
 * not literals, so bundlers for the browser leave them alone. */
function nodeModules(): NodeModules | null | Promise<NodeModules | null> {
  if (modules !== undefined) {
    return modules;
  }
  const runtime = globalThis as Runtime;
  if (runtime.process?.release?.name !== "node" || runtime.Bun !== undefined || runtime.Deno !== undefined) {
    modules = null;
    return modules;
  }
  const load = (name: string): Promise<unknown> => import(/* webpackIgnore: true */ /* @vite-ignore */ name);
  loading ??= Promise.all(["node:http", "node:https", "node:zlib"].map(load)).then(
    (loaded) => {
      const [http, https, zlib] = loaded as [Client, Client, NodeModules["zlib"]];
      const options = { keepAlive: true, scheduling: "lifo", timeout: 5000 } as const;
      modules = { http, https, zlib, agents: [new http.Agent(options), new https.Agent(options)] };
      return modules;
    },
    () => (modules = null),
  );
  return loading;
}

let checkedFetch: unknown;
let nodesOwnFetch = false;

/** Whether the global `fetch` is Node's own (undici's), not a replacement such as a test's
 * double or an instrumented wrapper, which must keep seeing every request. */
function globalFetchIsNodes(): boolean {
  const current = (globalThis as Runtime).fetch;
  if (current !== checkedFetch) {
    checkedFetch = current;
    nodesOwnFetch = typeof current === "function" && /undici/i.test(Function.prototype.toString.call(current));
  }
  return nodesOwnFetch;
}

/** Node's HTTP modules when a request may go direct (see the module's comment), else `null`. */
export function directModules(
  ownFetch: boolean,
  readWhole: boolean,
  body: unknown,
): NodeModules | null | Promise<NodeModules | null> {
  if (ownFetch || !readWhole || (body !== undefined && typeof body !== "string") || !globalFetchIsNodes()) {
    return null;
  }
  return nodeModules();
}

function abortError(): Error {
  return new DOMException("This operation was aborted", "AbortError");
}

function joined(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) {
    return chunks[0]!;
  }
  const whole = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    whole.set(chunk, at);
    at += chunk.length;
  }
  return whole;
}

/** One attempt's requests (the first and any redirect's hops), cancelled together. */
export class DirectAttempt {
  private readonly modules: NodeModules;
  private current: Outgoing | undefined;
  private cancelled = false;

  constructor(modules: NodeModules) {
    this.modules = modules;
  }

  /** Abandon the attempt: its request in flight fails with an `AbortError`, as fetch's does. */
  cancel(): void {
    this.cancelled = true;
    this.current?.destroy(abortError());
  }

  /** Send a request with a body of text or none; a `Fetch`, so a redirect's hop goes alike. */
  readonly send: Fetch = (url, init) =>
    new Promise<Response>((resolve, reject) => {
      if (this.cancelled) {
        reject(abortError());
        return;
      }
      const fail = (error: Error): void =>
        reject(this.cancelled ? abortError() : new Error(error.message, { cause: error }));
      const secure = url.startsWith("https:");
      const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
      headers["accept-encoding"] ??= secure ? "gzip, deflate, br" : "gzip, deflate";
      const body = typeof init.body === "string" ? encoder.encode(init.body) : undefined;
      if (body !== undefined) {
        headers["content-length"] = String(body.length);
      }
      try {
        const client = secure ? this.modules.https : this.modules.http;
        const options = { method: init.method ?? "GET", headers, agent: this.modules.agents[secure ? 1 : 0] };
        this.current = client.request(url, options, (incoming) => this.receive(incoming, resolve, fail));
      } catch (error) {
        fail(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      this.current.on("error", fail);
      this.current.end(body);
    });

  private receive(incoming: Incoming, resolve: (response: Response) => void, fail: (error: Error) => void): void {
    const chunks: Uint8Array[] = [];
    let size = 0;
    let ended = false;
    incoming.on("data", (chunk) => {
      chunks.push(chunk);
      size += chunk.length;
    });
    incoming.on("error", fail);
    incoming.on("close", () => {
      if (!ended) {
        fail(new Error("the connection closed before the response ended"));
      }
    });
    incoming.on("end", () => {
      ended = true;
      this.decompress(contentEncoding(incoming.rawHeaders), joined(chunks, size)).then((bytes) => {
        try {
          resolve(answer(incoming, decoder.decode(bytes)));
        } catch (error) {
          fail(error instanceof Error ? error : new Error(String(error)));
        }
      }, fail);
    });
  }

  private decompress(encoding: string | null, bytes: Uint8Array): Promise<Uint8Array> {
    const coding = encoding?.trim().toLowerCase();
    const { zlib } = this.modules;
    const unzips = coding === "gzip" || coding === "x-gzip" || coding === "deflate";
    const decode = unzips ? zlib.unzip : coding === "br" ? zlib.brotliDecompress : undefined;
    if (decode === undefined || bytes.length === 0) {
      return Promise.resolve(bytes);
    }
    return new Promise((resolve, reject) =>
      decode(bytes, (error, result) => (error === null ? resolve(result) : reject(error))),
    );
  }
}

/** The `content-encoding` of an answer's headers (name, value, name, value...), if any. */
function contentEncoding(raw: readonly string[]): string | null {
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (raw[i]!.length === 16 && raw[i]!.toLowerCase() === "content-encoding") {
      return raw[i + 1]!;
    }
  }
  return null;
}

/** The `Response` of a whole answer (a reason phrase `Response` refuses is left out); its
 * headers go straight into the response's own (a `Headers` given to it would be copied). */
function answer(incoming: Incoming, text: string): Response {
  const status = incoming.statusCode ?? 0;
  let response: Response;
  try {
    response = new ReadResponse(text, { status, statusText: incoming.statusMessage ?? "" });
  } catch (error) {
    if (error instanceof RangeError) {
      throw new Error(`the server answered with status ${status}, which is not an HTTP status`);
    }
    response = new ReadResponse(text, { status });
  }
  const raw = incoming.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    response.headers.append(raw[i]!, raw[i + 1]!);
  }
  return response;
}
