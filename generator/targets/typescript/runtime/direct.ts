/** Requests sent on Node's own HTTP client rather than its `fetch`, where the two send the same
 * request: on Node, with no `fetch` of the caller's and the global one Node's own, a body of
 * text (or none) and an answer the SDK reads whole (JSON, text, nothing). Node's `fetch` costs
 * about three times the CPU of `node:http` per call (web streams for every body, and for a
 * request with an abort signal a listener, a weak reference and a finalizer); a timeout or the
 * caller's abort here destroys the request instead. On the wire it is the request `fetch`
 * sends (its `accept-encoding`, a `content-length` with a body), on connections kept alive as
 * fetch keeps them; a compressed answer is decompressed as `fetch` would.
 * Streams, uploads and every other runtime go through `fetch`. */

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

/** A request `node:http` makes without parsing a URL: its headers whole, `host` among them. */
interface Target {
  protocol: string;
  hostname: string;
  port: string;
  path: string;
  method: string;
  headers: string[];
  agent: unknown;
}

type Respond = (response: Incoming) => void;

interface Client {
  Agent: new (options: { keepAlive: boolean; scheduling: "lifo"; timeout: number }) => unknown;
  request(
    url: string,
    options: { method: string; headers: Record<string, string>; agent: unknown },
    callback: Respond,
  ): Outgoing;
  request(target: Target, callback: Respond): Outgoing;
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

/** The bodies, decoded, of the responses of answers read whole off the wire: the SDK's own
 * reading takes the text from here (as with any response it reads whole, before the hooks get
 * it). A table rather than a subclass of `Response`: naming `Response` when this module loads
 * would make Node load its fetch (undici: 20-25 ms) before any call needs it. */
const bodyTexts = new WeakMap<Response, string>();

/** The body of `response` when it was read whole off the wire, else `undefined`. */
export function readText(response: Response): string | undefined {
  return bodyTexts.get(response);
}

/** An answer read whole: its status and text at once; its `Response`, with the `Headers` in it,
 * made when first asked for and the same one after (a success no hook sees needs neither:
 * making them costs more than the rest of the answer). */
export class ReadAnswer {
  readonly status: number;
  readonly bodyText: string;
  private readonly statusText: string;
  private readonly rawHeaders: readonly string[];
  private made: Response | undefined;

  constructor(status: number, statusText: string, rawHeaders: readonly string[], bodyText: string) {
    this.status = status;
    this.statusText = statusText;
    this.rawHeaders = rawHeaders;
    this.bodyText = bodyText;
  }

  get ok(): boolean {
    return this.status >= 200 && this.status <= 299;
  }

  get headers(): Headers {
    return this.response().headers;
  }

  /** What `headers.get(name)` gives (`name` in lower case), without making the headers. */
  header(name: string): string | null {
    return headerValue(this.rawHeaders, name);
  }

  /** The answer as a `Response` (a reason phrase `Response` refuses is left out); its headers
   * go straight into the response's own (a `Headers` given to it would be copied). */
  response(): Response {
    if (this.made === undefined) {
      let response: Response;
      try {
        response = new Response(null, { status: this.status, statusText: this.statusText });
      } catch {
        response = new Response(null, { status: this.status });
      }
      bodyTexts.set(response, this.bodyText);
      const raw = this.rawHeaders;
      for (let i = 0; i + 1 < raw.length; i += 2) {
        response.headers.append(raw[i]!, raw[i + 1]!);
      }
      this.made = response;
    }
    return this.made;
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

/** Where requests to one origin go, as `node:http` takes it. */
interface Origin {
  secure: boolean;
  protocol: string;
  /** Without the brackets of an IPv6 address. */
  hostname: string;
  /** Empty for the scheme's default port. */
  port: string;
  /** The `host` header: the host, and the port unless it is the default. */
  host: string;
}

/** Origins read so far, by the text before their URLs' path; `null` for one `URL` must read
 * whole (credentials in it, or more than an origin). A client talks to few: past
 * `MAX_ORIGINS` (redirects to many hosts) the table starts again. */
const origins = new Map<string, Origin | null>();
const MAX_ORIGINS = 64;

function originOf(prefix: string): Origin | null {
  let origin = origins.get(prefix);
  if (origin === undefined) {
    origin = parsedOrigin(prefix);
    if (origins.size >= MAX_ORIGINS) {
      origins.clear();
    }
    origins.set(prefix, origin);
  }
  return origin;
}

function parsedOrigin(prefix: string): Origin | null {
  let url: URL;
  try {
    url = new URL(prefix);
  } catch {
    return null;
  }
  if (url.username !== "" || url.password !== "" || url.pathname !== "/" || url.search !== "" || url.hash !== "") {
    return null;
  }
  const { hostname, protocol } = url;
  const bare = hostname.startsWith("[") ? hostname.slice(1, -1) : hostname;
  return { secure: protocol === "https:", protocol, hostname: bare, port: url.port, host: url.host };
}

/** A path and query `URL` leaves as they are: no dot segment (nor a segment starting with a
 * dot), fragment, space, quote, backslash or any other character it would encode. */
const PLAIN_PATH = /^(?:\/(?!\.|%2e)[\w\-.~!$&'()*+,;=:@%]*)+(?:\?[\w\-.~!$&()*+,;=:@/?%]*)?$/i;

/** The origin and the path of `url` when `node:http` may take them as they are (what `URL`
 * would make of them), else `undefined`: such a URL goes to `node:http` to parse. */
function plainTarget(url: string): [Origin, string] | undefined {
  const start = url.startsWith("https://") ? 8 : url.startsWith("http://") ? 7 : -1;
  const slash = start < 0 ? -1 : url.indexOf("/", start);
  if (slash < 0) {
    return undefined;
  }
  const origin = originOf(url.slice(0, slash));
  const path = url.slice(slash);
  return origin !== null && PLAIN_PATH.test(path) ? [origin, path] : undefined;
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

  /** Send a request with a body of text or none, and read its answer whole. */
  send(url: string, init: RequestInit): Promise<ReadAnswer> {
    return new Promise<ReadAnswer>((resolve, reject) => {
      if (this.cancelled) {
        reject(abortError());
        return;
      }
      const fail = (error: Error): void =>
        reject(this.cancelled ? abortError() : new Error(error.message, { cause: error }));
      const body = typeof init.body === "string" ? encoder.encode(init.body) : undefined;
      try {
        this.current = this.open(url, init, body, (incoming) => this.receive(incoming, resolve, fail));
      } catch (error) {
        fail(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      this.current.on("error", fail);
      this.current.end(body);
    });
  }

  /** `send` as fetch, for a redirect's hops. */
  fetch(url: string, init: RequestInit): Promise<Response> {
    return this.send(url, init).then((answer) => answer.response());
  }

  /** The request of `url`, its headers those fetch sends besides `init`'s: its
   * `accept-encoding`, and with a body, its `content-length`. */
  private open(url: string, init: RequestInit, body: Uint8Array | undefined, respond: Respond): Outgoing {
    const given = init.headers as Record<string, string>;
    const method = init.method ?? "GET";
    const plain = plainTarget(url);
    if (plain === undefined) {
      const secure = url.startsWith("https:");
      const headers: Record<string, string> = { ...given };
      headers["accept-encoding"] ??= secure ? "gzip, deflate, br" : "gzip, deflate";
      if (body !== undefined) {
        headers["content-length"] = String(body.length);
      }
      const client = secure ? this.modules.https : this.modules.http;
      return client.request(url, { method, headers, agent: this.modules.agents[secure ? 1 : 0] }, respond);
    }
    // Headers given whole (name, value, name, value...) and no URL to parse: `node:http` then
    // adds no `host`, so it is added here as it would add it.
    const [origin, path] = plain;
    const headers: string[] = [];
    for (const name of Object.keys(given)) {
      if (body === undefined || name !== "content-length") {
        headers.push(name, given[name]!);
      }
    }
    if (given["accept-encoding"] === undefined) {
      headers.push("accept-encoding", origin.secure ? "gzip, deflate, br" : "gzip, deflate");
    }
    if (body !== undefined) {
      headers.push("content-length", String(body.length));
    }
    if (given["host"] === undefined) {
      headers.push("host", origin.host);
    }
    const { protocol, hostname, port } = origin;
    const agent = this.modules.agents[origin.secure ? 1 : 0];
    const client = origin.secure ? this.modules.https : this.modules.http;
    return client.request({ protocol, hostname, port, path, method, headers, agent }, respond);
  }

  private receive(incoming: Incoming, resolve: (answer: ReadAnswer) => void, fail: (error: Error) => void): void {
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
      const status = incoming.statusCode ?? 0;
      if (status < 200 || status > 599) {
        // The statuses a `Response` can carry.
        fail(new Error(`the server answered with status ${status}, which is not an HTTP status`));
        return;
      }
      const decode = this.decompression(contentEncoding(incoming.rawHeaders));
      if (decode === undefined || size === 0) {
        resolve(readAnswer(incoming, status, joined(chunks, size)));
      } else {
        decode(joined(chunks, size), (error, bytes) =>
          error === null ? resolve(readAnswer(incoming, status, bytes)) : fail(error),
        );
      }
    });
  }

  /** What decompresses a body of this `content-encoding`, as fetch does; none for another. */
  private decompression(encoding: string | null): Decompress | undefined {
    const coding = encoding?.trim().toLowerCase();
    const { zlib } = this.modules;
    if (coding === "gzip" || coding === "x-gzip" || coding === "deflate") {
      return zlib.unzip;
    }
    return coding === "br" ? zlib.brotliDecompress : undefined;
  }
}

/** The answer of `incoming`, whose body (decompressed) is `bytes`. A function of the module,
 * not a closure made in each answer's `end` handler: V8 optimised such a closure again and
 * again in the per-call bench (8 times in its 30,000 calls), each time on V8's own threads. */
function readAnswer(incoming: Incoming, status: number, bytes: Uint8Array): ReadAnswer {
  return new ReadAnswer(status, incoming.statusMessage ?? "", incoming.rawHeaders, decoder.decode(bytes));
}

/** The value `Headers.get` gives for `name` (in lower case) from an answer's headers (name,
 * value, name, value...): repeated ones joined with ", ", `null` when absent. Node's parser
 * has already trimmed each value as `Headers` would. */
function headerValue(raw: readonly string[], name: string): string | null {
  let value: string | null = null;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const key = raw[i]!;
    if (key.length === name.length && key.toLowerCase() === name) {
      value = value === null ? raw[i + 1]! : `${value}, ${raw[i + 1]!}`;
    }
  }
  return value;
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
