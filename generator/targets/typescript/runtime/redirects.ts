/** Redirects the SDK follows itself (`redirect: "manual"`), so the credentials it adds never
 * leave their origin: fetch's own following keeps custom headers such as `x-api-key` on a hop
 * to another host. To another scheme, host or port (an `https` -> `http` downgrade included) a
 * hop loses every credential the SDK added. */

import { APIConnectionError } from "./errors.js";

export const MAX_REDIRECTS = 10;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const BODY_HEADERS = ["content-length", "content-type", "transfer-encoding", "content-encoding"];

/** Where the SDK puts its credentials: header names (lower case), query parameters. */
export interface Credentials {
  headers: readonly string[];
  query: readonly string[];
}

export interface Hop {
  url: string;
  init: RequestInit;
}

/** Whether `response` may be a redirect to follow (cheap: most responses are not). */
export function mayRedirect(response: Response): boolean {
  return REDIRECT_STATUSES.has(response.status) || response.type === "opaqueredirect";
}

/** The request a redirect asks for, or `undefined` when `response` is not one to follow. 303
 * (and 301/302 after a POST) become a GET without a body; 307 and 308 repeat the method and the
 * body, unless the body was a stream that cannot be sent twice. */
export function followRedirect(url: string, init: RequestInit, response: Response, credentials: Credentials): Hop | undefined {
  if (response.type === "opaqueredirect") {
    // A browser hides where a manual redirect goes: following blind could carry credentials.
    throw new APIConnectionError("the server redirected the request, and this runtime hides where to");
  }
  const location = response.headers.get("location");
  if (!REDIRECT_STATUSES.has(response.status) || location === null) {
    return undefined;
  }
  let next: URL;
  try {
    next = new URL(location, url);
  } catch (error) {
    throw new APIConnectionError(`the server redirected to an invalid URL: ${location.slice(0, 200)}`, error);
  }
  if (next.protocol !== "http:" && next.protocol !== "https:") {
    throw new APIConnectionError(`the server redirected to a ${next.protocol} URL, which is not followed`);
  }
  const keepBody = response.status === 307 || response.status === 308;
  if (keepBody && init.body instanceof ReadableStream) {
    return undefined;
  }
  let method = (init.method ?? "GET").toUpperCase();
  if ((response.status === 303 && method !== "HEAD") || ((response.status === 301 || response.status === 302) && method === "POST")) {
    method = "GET";
  }
  const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
  if (!keepBody) {
    for (const name of BODY_HEADERS) {
      delete headers[name];
    }
  }
  const previous = new URL(url);
  if (next.origin !== previous.origin) {
    for (const name of credentials.headers) {
      delete headers[name];
    }
    for (const name of credentials.query) {
      next.searchParams.delete(name);
    }
  } else {
    for (const name of credentials.query) {
      if (!next.searchParams.has(name)) {
        for (const value of previous.searchParams.getAll(name)) {
          next.searchParams.append(name, value);
        }
      }
    }
  }
  const following: RequestInit = { ...init, method, headers };
  if (!keepBody) {
    delete following.body;
  }
  return { url: next.toString(), init: following };
}
