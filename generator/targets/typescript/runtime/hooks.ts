/** Request hooks: your code on every attempt of every request a client sends.
 *
 *   const client = new Client({
 *     hooks: { beforeRequest: [(request) => { request.headers["x-signature"] = sign(request); }] },
 *   });
 *
 * - `beforeRequest(request)` runs once per attempt, after the SDK built the request (auth,
 *   headers, body) and before it is sent: change `request.url`, `request.headers` or
 *   `request.body` in place.
 * - `afterResponse(request, response)` runs once per attempt that got a response, whatever its
 *   status, before the SDK decides whether to retry (the SDK has read its body).
 * - `onError(request, error)` runs once per attempt that failed: no response
 *   (`APIConnectionError`, `APITimeoutError`) or an error status (an `ApiError`); a retry may
 *   follow it.
 *
 * A hook may be async; an error it throws ends the call. */

/** One attempt of a request, as the hooks see (and may change) it. */
export interface HookRequest {
  method: string;
  url: string;
  /** Lower-case names (a hook may set any case: `beforeRequest` folds them after the hooks). */
  headers: Record<string, string>;
  /** The encoded body: a string for JSON and forms, `FormData`, a `Blob` or bytes. */
  body: BodyInit | undefined;
}

type Awaitable = void | Promise<void>;

export interface Hooks {
  beforeRequest?: ReadonlyArray<(request: HookRequest) => Awaitable>;
  afterResponse?: ReadonlyArray<(request: HookRequest, response: Response) => Awaitable>;
  onError?: ReadonlyArray<(request: HookRequest, error: Error) => Awaitable>;
}

/** Run the `beforeRequest` hooks, in order; then the header names they set are lower-cased,
 * the values of names that differ only in case joined with ", " as fetch's `Headers` joins
 * them, so that either way a request is sent (fetch or node:http) the same headers go. */
export async function beforeRequest(hooks: Hooks | undefined, request: HookRequest): Promise<void> {
  for (const hook of hooks?.beforeRequest ?? []) {
    await hook(request);
  }
  const names = Object.keys(request.headers);
  if (names.some((name) => name !== name.toLowerCase())) {
    const folded: Record<string, string> = {};
    for (const name of names) {
      const lower = name.toLowerCase();
      const value = request.headers[name]!;
      folded[lower] = folded[lower] === undefined ? value : `${folded[lower]}, ${value}`;
    }
    request.headers = folded;
  }
}

/** Run the `afterResponse` hooks, in order. */
export async function afterResponse(
  hooks: Hooks | undefined,
  request: HookRequest,
  response: Response,
): Promise<void> {
  for (const hook of hooks?.afterResponse ?? []) {
    await hook(request, response);
  }
}

/** Run the `onError` hooks, in order; returns the error, to throw or retry after. */
export async function onError<E extends Error>(
  hooks: Hooks | undefined,
  request: HookRequest,
  error: E,
): Promise<E> {
  for (const hook of hooks?.onError ?? []) {
    await hook(request, error);
  }
  return error;
}
