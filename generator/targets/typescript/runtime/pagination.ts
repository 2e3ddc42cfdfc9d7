/** Pages that are also async iterables over every item of every page, for every paging style.
 *
 * A list method says how its API pages (`Paging`): by a page token, a cursor, an offset, a page
 * number or a next-page URL. Each page works out the request for the page after it
 * (`NextRequest`), so every style has the same surface: `for await` over a page for every item,
 * `iterPages()`, `getNextPage()`, `hasNextPage()`, and the style's own accessor
 * (`nextPageToken`, `nextCursor`, `nextOffset`, `nextPageNumber`, `nextUrl`). */

import type { RawResponse, RequestSpec } from "./core.js";
import { SdkError } from "./errors.js";

export type PagingStyle = "page_token" | "cursor" | "offset" | "page" | "next_url";

/** How an operation pages; field names are wire names, dotted for nested ones, and an empty
 * `itemsField` means the body is the list itself. */
export interface Paging {
  style: PagingStyle;
  itemsField: string;
  /** The query parameter a next request sets: token, cursor, offset or page number. */
  param?: string;
  /** The next token or cursor; for offset, page and next_url, the next page's URL. */
  nextField?: string;
  sizeParam?: string;
  hasMoreField?: string;
  /** Total items (offset) or total pages (page). */
  totalField?: string;
  /** A cursor read from the last item (`id`), when the response names none. */
  cursorItemField?: string;
  linkHeader?: boolean;
}

/** The request for the next page: query values that replace the last request's, or a URL. */
export interface NextRequest {
  query?: Record<string, string>;
  url?: string;
}

type Send<E> = (spec: RequestSpec) => Promise<RawResponse<E>>;

function readOne(value: unknown, name: string): unknown {
  return typeof value === "object" && value !== null
    ? (value as Record<string, unknown>)[name]
    : undefined;
}

/** The value at a dotted path of wire names (`response_metadata.next_cursor`). */
export function readPath(envelope: unknown, path: string | undefined): unknown {
  if (path === undefined) {
    return undefined;
  }
  if (path === "") {
    return envelope;
  }
  return path.split(".").reduce<unknown>((value, part) => readOne(value, part), envelope);
}

/** The `rel="next"` URL of an RFC 8288 `Link` header, if there is one. */
export function nextLink(headers: Headers | undefined): string | undefined {
  const value = headers?.get("link");
  if (!value) {
    return undefined;
  }
  for (const match of value.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/g)) {
    for (const rel of (match[2] ?? "").matchAll(/;\s*rel\s*=\s*"?([^";]*)"?/gi)) {
      if ((rel[1] ?? "").toLowerCase().split(/\s+/).includes("next")) {
        return (match[1] ?? "").trim();
      }
    }
  }
  return undefined;
}

/** A next-page URL as a path under the client's base URL and its query. A URL elsewhere is
 * refused: following it would send the client's credentials to another server. */
export function pageTarget(
  url: string,
  baseUrl: string,
): { path: string; query: Record<string, string | string[]> } {
  const base = baseUrl.replace(/\/+$/, "");
  const absolute = new URL(url, base + "/");
  const withoutQuery = `${absolute.origin}${absolute.pathname}`;
  const baseParsed = new URL(base);
  const baseText = `${baseParsed.origin}${baseParsed.pathname.replace(/\/+$/, "")}`;
  if (withoutQuery !== baseText && !withoutQuery.startsWith(baseText + "/")) {
    throw new SdkError(`the next page's URL ${JSON.stringify(url)} is not under the client's base URL ${JSON.stringify(base)}`);
  }
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of absolute.searchParams) {
    const previous = query[name];
    query[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return { path: withoutQuery.slice(baseText.length), query };
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === "boolean" || value === undefined || value === null || value === "") {
    return undefined;
  }
  const parsed = Number(value);
  return Number.isInteger(parsed) ? parsed : undefined;
}

function isFalse(value: unknown): boolean {
  return value === false || value === "false";
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}

/** The next request of a page, by its paging style; undefined after the last page. */
export function nextRequest(
  paging: Paging,
  envelope: unknown,
  items: readonly unknown[],
  query: Record<string, unknown>,
  headers: Headers | undefined,
): NextRequest | undefined {
  if (paging.hasMoreField !== undefined && isFalse(readPath(envelope, paging.hasMoreField))) {
    return undefined;
  }
  const link = paging.linkHeader ? nextLink(headers) : undefined;
  if (paging.style === "next_url") {
    const url = readPath(envelope, paging.nextField) ?? link;
    return present(url) ? { url: String(url) } : undefined;
  }
  if (paging.style === "page_token" || paging.style === "cursor") {
    return nextCursor(paging, envelope, items);
  }
  if (items.length === 0 || paging.param === undefined) {
    return undefined;
  }
  if (paging.nextField !== undefined && !present(readPath(envelope, paging.nextField))) {
    return undefined;
  }
  if (paging.linkHeader && link === undefined) {
    return undefined;
  }
  const told = paging.nextField !== undefined || paging.linkHeader || paging.hasMoreField !== undefined;
  const total = asNumber(readPath(envelope, paging.totalField));
  const size = paging.sizeParam !== undefined ? asNumber(query[paging.sizeParam]) : undefined;
  if (total === undefined && !told && size !== undefined && items.length < size) {
    return undefined; // a short page is the last one
  }
  if (paging.style === "offset") {
    const offset = (asNumber(query[paging.param]) ?? 0) + items.length;
    return total !== undefined && offset >= total ? undefined : { query: { [paging.param]: String(offset) } };
  }
  const current = asNumber(query[paging.param]) ?? 1;
  if (total !== undefined && current >= total) {
    return undefined;
  }
  return link !== undefined ? { url: link } : { query: { [paging.param]: String(current + 1) } };
}

function nextCursor(paging: Paging, envelope: unknown, items: readonly unknown[]): NextRequest | undefined {
  if (paging.param === undefined) {
    return undefined;
  }
  let token: unknown;
  if (paging.nextField !== undefined) {
    token = readPath(envelope, paging.nextField);
  } else if (items.length > 0 && paging.cursorItemField !== undefined) {
    token = readPath(items[items.length - 1], paging.cursorItemField);
  }
  if (!present(token) || (items.length === 0 && paging.nextField === undefined)) {
    return undefined;
  }
  return { query: { [paging.param]: String(token) } };
}

/** The request spec of the next page: the last request with its query updated, or the URL the
 * API named (which must be under the client's base URL). */
export function followingSpec(spec: RequestSpec, next: NextRequest, baseUrl: string): RequestSpec {
  if (next.url !== undefined) {
    const target = pageTarget(next.url, baseUrl);
    return { ...spec, path: target.path, query: target.query };
  }
  return { ...spec, query: { ...spec.query, ...next.query } };
}

function requestKey(next: NextRequest): string {
  return next.url ?? JSON.stringify(Object.entries(next.query ?? {}).sort());
}

/** One page: its items, the parsed body, and what the next request is, if any. */
export class Page<T, E = unknown> {
  readonly data: T[];
  readonly response: E;
  readonly rawResponse: RawResponse<E>;
  readonly nextRequest: NextRequest | undefined;
  private readonly paging: Paging;
  private readonly spec: RequestSpec;
  private readonly baseUrl: string;
  private readonly send: Send<E>;

  constructor(raw: RawResponse<E>, paging: Paging, spec: RequestSpec, baseUrl: string, send: Send<E>) {
    const items = readPath(raw.data, paging.itemsField);
    this.data = Array.isArray(items) ? (items as T[]) : [];
    this.response = raw.data;
    this.rawResponse = raw;
    this.paging = paging;
    this.spec = spec;
    this.baseUrl = baseUrl;
    this.send = send;
    this.nextRequest = nextRequest(paging, raw.data, this.data, spec.query ?? {}, raw.headers);
  }

  private paramValue(...styles: PagingStyle[]): string | undefined {
    const next = this.nextRequest;
    const param = this.paging.param;
    if (next === undefined || param === undefined || !styles.includes(this.paging.style)) {
      return undefined;
    }
    if (next.url !== undefined) {
      return new URL(next.url, "http://relative.invalid").searchParams.get(param) ?? undefined;
    }
    return next.query?.[param];
  }

  /** The token (or cursor) the next page is asked for with; undefined on the last page. */
  get nextPageToken(): string | undefined {
    return this.paramValue("page_token", "cursor");
  }

  /** The cursor of the next page (the same as `nextPageToken`). */
  get nextCursor(): string | undefined {
    return this.paramValue("page_token", "cursor");
  }

  /** The offset of the next page (offset paging); undefined on the last page. */
  get nextOffset(): number | undefined {
    return asNumber(this.paramValue("offset"));
  }

  /** The number of the next page (page-number paging); undefined on the last page. */
  get nextPageNumber(): number | undefined {
    return asNumber(this.paramValue("page"));
  }

  /** The URL of the next page, where the API gives one; undefined on the last page. */
  get nextUrl(): string | undefined {
    return this.nextRequest?.url;
  }

  hasNextPage(): boolean {
    return this.nextRequest !== undefined;
  }

  /** The next page, or undefined after the last. */
  async getNextPage(): Promise<Page<T, E> | undefined> {
    if (this.nextRequest === undefined) {
      return undefined;
    }
    const spec = followingSpec(this.spec, this.nextRequest, this.baseUrl);
    const raw = await this.send(spec);
    return new Page<T, E>(raw, this.paging, spec, this.baseUrl, this.send);
  }

  /** This page and every page after it; stops with an error if the API repeats a page. */
  async *iterPages(): AsyncGenerator<Page<T, E>> {
    const seen = new Set<string>();
    let page: Page<T, E> | undefined = this;
    while (page !== undefined) {
      yield page;
      const next: NextRequest | undefined = page.nextRequest;
      if (next === undefined) {
        return;
      }
      const key = requestKey(next);
      if (seen.has(key)) {
        throw new SdkError(`the API returned the same next page twice (${key})`);
      }
      seen.add(key);
      page = await page.getNextPage();
    }
  }

  /** Every item of this page and the pages after it. */
  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for await (const page of this.iterPages()) {
      yield* page.data;
    }
  }
}

/** What a list method returns: a promise of the first page that is also an async iterable
 * of every item (`for await (const item of client.files.list())`). */
export class PagePromise<T, E = unknown> extends Promise<Page<T, E>> implements AsyncIterable<T> {
  private readonly raw: Promise<RawResponse<E>>;

  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  constructor(paging: Paging, spec: RequestSpec, baseUrl: string, send: Send<E>) {
    let settle: ((value: Page<T, E>) => void) | undefined;
    let fail: ((reason?: unknown) => void) | undefined;
    super((resolve, reject) => {
      settle = resolve;
      fail = reject;
    });
    this.raw = send(spec);
    this.raw.then(
      (response) => settle?.(new Page<T, E>(response, paging, spec, baseUrl, send)),
      (error: unknown) => fail?.(error),
    );
    // Whoever awaits this promise, iterates it or asks for the raw response sees the error;
    // the others must not crash the process as an unhandled rejection.
    Promise.prototype.catch.call(this, () => undefined);
  }

  /** The first page's response with its status, headers and request id. */
  withRawResponse(): Promise<RawResponse<E>> {
    return this.raw;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    const page = await this;
    yield* page;
  }
}
