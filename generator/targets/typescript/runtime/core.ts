/** The HTTP core every resource calls: URLs, headers, auth, bodies, timeouts, safe retries and
 * lenient parsing, on the platform's own `fetch`. The same for every API. */

import {
  APIConnectionError,
  APITimeoutError,
  ConfigurationError,
  ResponseValidationError,
  SdkError,
  bounded,
  errorDetails,
  errorFromResponse,
} from "./errors.js";
import { type Applied, type Requirement, type Scheme, Security } from "./auth.js";
import { Deadlines } from "./deadlines.js";
import { DirectAttempt, directModules, type ReadAnswer, readText } from "./direct.js";
import { afterResponse, beforeRequest, type HookRequest, type Hooks, onError } from "./hooks.js";
import { withIdempotencyKey } from "./idempotency.js";
import { followRedirect, MAX_REDIRECTS, mayRedirect } from "./redirects.js";
import { Stream } from "./streaming.js";
import { encodePath, headerText, multipartBody, pairs, type Style } from "./styles.js";

export { encodePath };

export type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** The platform's `fetch`, looked up at each call (a test may replace it after the client). */
const globalFetch: Fetch = (input, init) => fetch(input, init);

/** Options every method takes as its last argument. */
export interface RequestOptions {
  /** Seconds before the request is abandoned (each attempt); default: the client's. */
  timeoutInSeconds?: number;
  /** How often a failed request is retried; default: the client's. */
  maxRetries?: number;
  /** Cancels the request (and its retries) when aborted. */
  abortSignal?: AbortSignal;
  /** Extra headers; `null` removes one the SDK would send. */
  headers?: Record<string, string | null | undefined>;
}

/** A response with what came with it: status, headers, request id and the parsed body. */
export interface RawResponse<T> {
  readonly statusCode: number;
  readonly headers: Headers;
  readonly requestId: string | undefined;
  readonly data: T;
}

export type Token = string | (() => string | Promise<string>);

export interface CoreSettings {
  baseUrl: string;
  security: Security;
  clientHeaders: Record<string, string | undefined>;
  headers: Record<string, string> | undefined;
  timeoutInSeconds: number;
  maxRetries: number;
  fetch: Fetch | undefined;
  userAgent: string;
  /** Functions run on every attempt (see `hooks.ts`). */
  hooks?: Hooks;
}

export type BodyKind = "json" | "multipart" | "form" | "binary" | "text";
/** What a successful response becomes: parsed JSON, the body's stream of bytes, text,
 * nothing, or a `Stream` of server-sent events. */
export type ResponseKind = "json" | "binary" | "text" | "empty" | "event_stream";

export interface RequestSpec {
  method: string;
  path: string;
  query?: Record<string, unknown>;
  headers?: Record<string, unknown>;
  cookies?: Record<string, unknown>;
  body?: unknown;
  bodyKind?: BodyKind;
  responseKind: ResponseKind;
  /** The operation's credential alternatives, when they are not the API's. */
  security?: Requirement;
  /** The style of each argument not written OpenAPI's default way, by wire name. */
  styles?: Record<string, Style>;
  /** The `Accept` header, when it is not the JSON default. */
  accept?: string;
  /** The `Content-Type` of a body when the spec names another than its kind's default. */
  contentType?: string;
  /** The header of the call's idempotency key: one key per call, the same on every retry,
   * which makes the call safe to retry whatever its method. */
  idempotencyHeader?: string;
}

/** Whether a successful response is handed over unread, to be read as it arrives. */
function streams(kind: ResponseKind): boolean {
  return kind === "binary" || kind === "event_stream";
}

/** Whether the SDK reads a response of this kind whole, whatever its status. */
function readsWhole(kind: ResponseKind): boolean {
  return !streams(kind);
}

export const INITIAL_RETRY_DELAY_MS = 500;
export const MAX_RETRY_DELAY_MS = 8000;
export const MAX_RETRY_AFTER_MS = 60000;
const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const IDEMPOTENT_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

/** The query string of `query` (each value by its style), with its `?`; empty for none. */
export function queryString(
  query: Record<string, unknown> | undefined,
  styles?: Record<string, Style>,
): string {
  const found = pairs(query, styles);
  return found.length === 0 ? "" : `?${new URLSearchParams(found).toString()}`;
}

function encodeBody(
  body: unknown,
  kind: BodyKind | undefined,
  styles: Record<string, Style> | undefined,
): BodyInit | undefined {
  if (body === undefined) {
    return undefined;
  }
  if (kind === "multipart") {
    return multipartBody(body as Record<string, unknown>, styles);
  }
  if (kind === "form") {
    return new URLSearchParams(pairs(body as Record<string, unknown>, styles));
  }
  if (kind === "binary") {
    return body as BodyInit;
  }
  if (kind === "text") {
    return String(body);
  }
  return JSON.stringify(body);
}

const ACCEPT: Partial<Record<ResponseKind, string>> = {
  json: "application/json",
  event_stream: "text/event-stream",
};

const CONTENT_TYPES: Partial<Record<BodyKind, string>> = {
  json: "application/json",
  binary: "application/octet-stream",
  text: "text/plain",
};

function retryAfterMs(headers: Headers): number | undefined {
  const millis = headers.get("retry-after-ms");
  if (millis !== null && millis.trim() !== "" && Number.isFinite(Number(millis))) {
    return Number(millis);
  }
  const value = headers.get("retry-after");
  if (value === null || value.trim() === "") {
    return undefined;
  }
  if (Number.isFinite(Number(value))) {
    return Number(value) * 1000;
  }
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : date - Date.now();
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(new APIConnectionError("the request was aborted", signal.reason));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new APIConnectionError("the request was aborted", signal?.reason));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

export { sleep };

/** The body of a response: bytes for `binary`, else as `parseText` reads its text. */
async function readBody(response: Response, kind: ResponseKind): Promise<unknown> {
  if (kind === "binary") {
    return new Uint8Array(await response.arrayBuffer());
  }
  const text = readText(response) ?? (await response.text());
  return parseText(text, kind, response);
}

/** A body read whole, from its text: the text for `text`, else JSON when it parses, the text
 * for an error response, and a `ResponseValidationError` for a successful one that declares
 * JSON. */
function parseText(text: string, kind: ResponseKind, response: Pick<Response, "ok" | "status" | "headers">): unknown {
  if (kind === "text") {
    return text;
  }
  if (text === "") {
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    if (!response.ok) {
      return text;
    }
    const type = response.headers.get("content-type") ?? "no content type";
    const message = `the response is not the JSON the API declares (${type}): ${bounded(text)}`;
    throw new ResponseValidationError(message, response.status, response.headers, text);
  }
}

const UNSENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"]);

/** Whether a fetch failure happened before the server could see the request. */
function neverSent(error: unknown): boolean {
  const cause = error instanceof Error ? (error as { cause?: unknown }).cause : undefined;
  const code = typeof cause === "object" && cause !== null ? (cause as { code?: unknown }).code : undefined;
  return typeof code === "string" && UNSENT_CODES.has(code);
}

export class Core {
  readonly settings: CoreSettings;
  /** `settings.baseUrl` without its trailing slashes, and the value it was made from. */
  private base: readonly [given: string, trimmed: string] = ["", ""];
  /** The schemes of the API's own requirement, once chosen (the credentials do not change). */
  private defaultSchemes: readonly Scheme[] | undefined;
  /** The timeouts of this client's calls in flight. */
  private readonly deadlines = new Deadlines();

  constructor(settings: CoreSettings) {
    this.settings = settings;
  }

  get baseUrl(): string {
    return this.settings.baseUrl;
  }

  /** The schemes a call sends, or the error naming what is missing. */
  private chosen(spec: RequestSpec): readonly Scheme[] {
    if (spec.security === undefined && this.defaultSchemes !== undefined) {
      return this.defaultSchemes;
    }
    const security = this.settings.security;
    const requirement = spec.security ?? security.defaultRequirement;
    const chosen = security.choose(requirement);
    if (chosen === undefined) {
      throw security.missing(requirement);
    }
    if (spec.security === undefined) {
      this.defaultSchemes = chosen;
    }
    return chosen;
  }

  /** The headers of one request, names lower-cased (a plain object: cheaper than `Headers`). */
  private headers(
    spec: RequestSpec,
    options: RequestOptions,
    auth: Applied,
  ): Record<string, string> {
    const headers: Record<string, string> = {
      accept: spec.accept ?? ACCEPT[spec.responseKind] ?? "*/*",
      "user-agent": this.settings.userAgent,
    };
    const contentType =
      spec.contentType ?? (spec.bodyKind !== undefined ? CONTENT_TYPES[spec.bodyKind] : undefined);
    if (spec.body !== undefined && contentType !== undefined) {
      headers["content-type"] = contentType;
    }
    Object.assign(headers, auth.headers);
    const clientHeaders = this.settings.clientHeaders;
    for (const name of Object.keys(clientHeaders)) {
      const value = clientHeaders[name];
      if (value !== undefined) {
        headers[name.toLowerCase()] = value;
      }
    }
    const given = this.settings.headers;
    if (given !== undefined) {
      for (const name of Object.keys(given)) {
        headers[name.toLowerCase()] = given[name]!;
      }
    }
    if (spec.headers !== undefined) {
      for (const [name, value] of Object.entries(spec.headers)) {
        if (value !== undefined && value !== null) {
          headers[name.toLowerCase()] = headerText(value, spec.styles?.[name]?.[1] ?? false);
        }
      }
    }
    const cookies = pairs(spec.cookies, spec.styles);
    if (cookies.length > 0) {
      headers["cookie"] = cookies.map(([name, text]) => `${name}=${encodeURIComponent(text)}`).join("; ");
    }
    for (const pair of auth.cookies) {
      headers["cookie"] = headers["cookie"] !== undefined ? `${headers["cookie"]}; ${pair}` : pair;
    }
    if (options.headers !== undefined) {
      for (const [name, value] of Object.entries(options.headers)) {
        if (value === null) {
          delete headers[name.toLowerCase()];
        } else if (value !== undefined) {
          headers[name.toLowerCase()] = value;
        }
      }
    }
    return headers;
  }

  private url(spec: RequestSpec, auth: Applied): string {
    if (this.base[0] !== this.settings.baseUrl) {
      this.base = [this.settings.baseUrl, this.settings.baseUrl.replace(/\/+$/, "")];
    }
    const base = this.base[1];
    if (auth.query.length > 0) {
      const query: Record<string, unknown> = { ...spec.query, ...Object.fromEntries(auth.query) };
      return `${base}${spec.path}${queryString(query, spec.styles)}`;
    }
    return `${base}${spec.path}${queryString(spec.query, spec.styles)}`;
  }

  private shouldRetry(idempotent: boolean, response: Response, body: unknown): boolean {
    const should = response.headers.get("x-should-retry");
    if (should === "true" || should === "false") {
      return should === "true";
    }
    if (response.status === 429) {
      return true;
    }
    if (!RETRYABLE_STATUSES.has(response.status)) {
      return false;
    }
    return idempotent || errorDetails(body)["retryable"] === true;
  }

  private delayMs(attempt: number, response: Response | undefined): number {
    if (response !== undefined) {
      const after = retryAfterMs(response.headers);
      if (after !== undefined && after >= 0 && after <= MAX_RETRY_AFTER_MS) {
        return after;
      }
    }
    const delay = Math.min(INITIAL_RETRY_DELAY_MS * 2 ** attempt, MAX_RETRY_DELAY_MS);
    return delay * (1 - 0.25 * Math.random());
  }

  /** Follow the redirects of one attempt's `response` (the SDK's credentials stay with their
   * origin); the response itself when it is not a redirect. */
  private async follow(send: Fetch, url: string, init: RequestInit, first: Response): Promise<Response> {
    const credentials = this.settings.security.redirectCredentials();
    let response = first;
    let hop = { url, init };
    for (let hops = 0; ; hops++) {
      const next = followRedirect(hop.url, hop.init, response, credentials);
      if (next === undefined) {
        return response;
      }
      if (hops === MAX_REDIRECTS) {
        throw new APIConnectionError(`more than ${MAX_REDIRECTS} redirects`);
      }
      await response.body?.cancel();
      hop = next;
      response = await send(hop.url, hop.init);
    }
  }

  /** Send a request, retrying where repeating it cannot duplicate work. */
  async request<T>(call: RequestSpec, options: RequestOptions = {}): Promise<RawResponse<T>> {
    const retries = options.maxRetries ?? this.settings.maxRetries;
    const timeoutMs = (options.timeoutInSeconds ?? this.settings.timeoutInSeconds) * 1000;
    const fetchImpl: Fetch = this.settings.fetch ?? globalFetch;
    const method = call.method.toUpperCase();
    const spec = withIdempotencyKey(call, options.headers);
    const idempotent = IDEMPOTENT_METHODS.has(method) || spec.idempotencyHeader !== undefined;
    const chosen = this.chosen(spec);
    let refreshed = false;
    for (let attempt = 0; ; attempt++) {
      // Built per attempt: a form upload is sent again whole on a retry.
      const body = encodeBody(spec.body, spec.bodyKind, spec.styles);
      const applying = this.settings.security.apply(chosen, fetchImpl, this.settings.baseUrl);
      const auth = applying instanceof Promise ? await applying : applying;
      const hooked: HookRequest = {
        method,
        url: this.url(spec, auth),
        headers: this.headers(spec, options, auth),
        body,
      };
      if (this.settings.hooks !== undefined) {
        await beforeRequest(this.settings.hooks, hooked);
      }
      const loading = directModules(this.settings.fetch !== undefined, readsWhole(spec.responseKind), hooked.body);
      const modules = loading instanceof Promise ? await loading : loading;
      // Node's own HTTP client when the request may go direct (see `direct.ts`), else fetch
      // with an abort signal; either way the timeout and the caller's abort cancel the attempt.
      const direct = modules !== null ? new DirectAttempt(modules) : undefined;
      const controller = direct === undefined ? new AbortController() : undefined;
      const cancel = (): void => (direct !== undefined ? direct.cancel() : controller?.abort());
      let timedOut = false;
      const deadline = this.deadlines.start(timeoutMs, () => {
        timedOut = true;
        cancel();
      });
      const onAbort = options.abortSignal !== undefined ? cancel : undefined;
      if (onAbort !== undefined) {
        options.abortSignal?.addEventListener("abort", onAbort, { once: true });
        if (options.abortSignal?.aborted) {
          cancel();
        }
      }
      let response: Response;
      let parsed: unknown;
      let open = false; // a successful stream keeps its connection and the caller's abort
      try {
        const { headers, url } = hooked;
        const init: RequestInit = { method: hooked.method, headers, redirect: "manual" };
        if (controller !== undefined) {
          init.signal = controller.signal;
        }
        if (hooked.body !== undefined) {
          init.body = hooked.body;
        }
        if (direct !== undefined) {
          const answer = await direct.send(url, init);
          if (answer.ok && this.settings.hooks === undefined) {
            // The common case on Node: a success no hook sees, its `Response` made only if asked.
            const read = parseText(answer.bodyText, spec.responseKind, answer);
            return new DirectRawResponse<T>(answer, wholeData<T>(spec.responseKind, read));
          }
          response = answer.response();
        } else {
          response = await fetchImpl(url, init);
        }
        if (mayRedirect(response)) {
          const hop: Fetch = direct !== undefined ? (next, nextInit) => direct.fetch(next, nextInit) : fetchImpl;
          response = await this.follow(hop, url, init, response);
        }
        open = response.ok && streams(spec.responseKind);
        parsed = open ? undefined : await readBody(response, response.ok ? spec.responseKind : "json");
      } catch (error) {
        if (error instanceof SdkError) {
          throw error; // the SDK's own verdict (a redirect loop, a body of the wrong kind)
        }
        if (options.abortSignal?.aborted) {
          const aborted = new APIConnectionError("the request was aborted", error);
          throw await onError(this.settings.hooks, hooked, aborted);
        }
        const reason = error instanceof Error ? error.message : String(error);
        const failure = timedOut
          ? new APITimeoutError(`the request timed out after ${timeoutMs} ms`, error)
          : new APIConnectionError(`connection error: ${reason}`, error);
        await onError(this.settings.hooks, hooked, failure);
        // A timeout repeats only what is safe to repeat; a refused connection never reached
        // the server, so it is always safe.
        const safe = idempotent || (!timedOut && neverSent(error));
        if (attempt < retries && safe) {
          await sleep(this.delayMs(attempt, undefined), options.abortSignal);
          continue;
        }
        throw failure;
      } finally {
        this.deadlines.finish(deadline);
        if (!open && onAbort !== undefined) {
          options.abortSignal?.removeEventListener("abort", onAbort);
        }
      }
      if (this.settings.hooks !== undefined) {
        await afterResponse(this.settings.hooks, hooked, response);
      }
      if (response.status === 401 && auth.fetched.length > 0 && !refreshed) {
        refreshed = true; // the token was revoked or expired early: fetch it again
        for (const [cache, token] of auth.fetched) {
          cache.forget(token);
        }
        attempt -= 1;
        continue;
      }
      if (!response.ok) {
        const failure = errorFromResponse(response.status, response.statusText, response.headers, parsed);
        await onError(this.settings.hooks, hooked, failure);
        if (attempt < retries && this.shouldRetry(idempotent, response, parsed)) {
          await sleep(this.delayMs(attempt, response), options.abortSignal);
          continue;
        }
        throw failure;
      }
      const data = this.data<T>(spec.responseKind, response, parsed, controller);
      return {
        statusCode: response.status,
        headers: response.headers,
        requestId: response.headers.get("x-request-id") ?? undefined,
        data,
      };
    }
  }

  private data<T>(kind: ResponseKind, response: Response, parsed: unknown, controller: AbortController | undefined): T {
    if (kind === "event_stream") {
      // A stream always comes through fetch, whose controller the caller's abort reaches.
      return new Stream<unknown>(response, controller ?? new AbortController()) as T;
    }
    if (kind === "binary") {
      return (response.body ?? new Blob([]).stream()) as T;
    }
    return wholeData<T>(kind, parsed);
  }
}

/** What a response of a kind read whole becomes: its parsed body, or nothing for `empty`. */
function wholeData<T>(kind: ResponseKind, parsed: unknown): T {
  return (kind === "empty" ? undefined : parsed) as T;
}

/** The `RawResponse` of a successful answer read directly. Its headers are read from the
 * answer's `Response` when first asked for, the same `Headers` every time; as with the plain
 * object of any other response, all four fields are its own enumerable properties. `headers`
 * is defined with the same getter for every response. An object literal with a getter is
 * slower: V8 makes it as a table of properties with a new getter each time, and in a profile
 * about 0.4 MB of those outlived each young-generation collection and was promoted, which cost
 * the collector's threads about 2 µs of CPU per call. */
class DirectRawResponse<T> implements RawResponse<T> {
  declare readonly statusCode: number;
  declare readonly headers: Headers;
  declare readonly requestId: string | undefined;
  declare readonly data: T;
  readonly #answer: ReadAnswer;

  constructor(answer: ReadAnswer, data: T) {
    this.#answer = answer;
    this.statusCode = answer.status;
    Object.defineProperty(this, "headers", DirectRawResponse.#headers);
    this.requestId = answer.header("x-request-id") ?? undefined;
    this.data = data;
  }

  static readonly #headers: PropertyDescriptor = {
    enumerable: true,
    configurable: true,
    get(this: DirectRawResponse<unknown>): Headers {
      return this.#answer.headers;
    },
  };
}
