/** Calls of any path, described by the spec or not, with the client's base URL, auth, retries,
 * timeouts and typed errors: `client.get<Thing>("/v2/things")` resolves to the parsed JSON. */

import type { Core, RequestOptions } from "./core.js";
import { ApiPromise } from "./promise.js";

/** What a call of any path sends besides its method and path. */
export interface RawRequest {
  query?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** A JSON body. */
  body?: unknown;
}

/** `method path` (relative to the base URL); resolves to the parsed JSON body, typed `T`. */
export function call<T>(
  core: Core,
  method: string,
  path: string,
  request: RawRequest,
  options: RequestOptions | undefined,
): ApiPromise<T> {
  const spec = {
    method,
    path,
    query: request.query,
    headers: request.headers,
    body: request.body,
    bodyKind: request.body === undefined ? undefined : ("json" as const),
    responseKind: "json" as const,
  };
  return new ApiPromise(core.request<T>(spec, options));
}
