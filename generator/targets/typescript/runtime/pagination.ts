/** Cursor pagination: `await` a list call for its first page, or iterate it for every item. */

import type { RawResponse } from "./core.js";

export interface PageShape {
  itemsField: string;
  nextTokenField: string;
}

function read(envelope: unknown, field: string): unknown {
  return typeof envelope === "object" && envelope !== null
    ? (envelope as Record<string, unknown>)[field]
    : undefined;
}

/** One page: its items, the token of the next page, and the response it came in. */
export class Page<T, E = unknown> {
  readonly data: T[];
  readonly nextPageToken: string | undefined;
  readonly response: E;
  private readonly fetchPage: (token: string) => Promise<RawResponse<E>>;
  private readonly shape: PageShape;

  constructor(
    response: E,
    shape: PageShape,
    fetchPage: (token: string) => Promise<RawResponse<E>>,
  ) {
    const items = read(response, shape.itemsField);
    this.data = Array.isArray(items) ? (items as T[]) : [];
    const token = read(response, shape.nextTokenField);
    this.nextPageToken =
      token === undefined || token === null || token === "" ? undefined : String(token);
    this.response = response;
    this.fetchPage = fetchPage;
    this.shape = shape;
  }

  hasNextPage(): boolean {
    return this.nextPageToken !== undefined;
  }

  /** The next page, or undefined after the last. */
  async getNextPage(): Promise<Page<T, E> | undefined> {
    if (this.nextPageToken === undefined) {
      return undefined;
    }
    const raw = await this.fetchPage(this.nextPageToken);
    return new Page<T, E>(raw.data, this.shape, this.fetchPage);
  }

  /** Every item of this page and the pages after it. */
  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    let page: Page<T, E> | undefined = this;
    while (page !== undefined) {
      yield* page.data;
      page = await page.getNextPage();
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

  constructor(shape: PageShape, fetchPage: (token: string | undefined) => Promise<RawResponse<E>>) {
    let settle: ((value: Page<T, E>) => void) | undefined;
    let fail: ((reason?: unknown) => void) | undefined;
    super((resolve, reject) => {
      settle = resolve;
      fail = reject;
    });
    this.raw = fetchPage(undefined);
    this.raw.then(
      (response) => settle?.(new Page<T, E>(response.data, shape, (token) => fetchPage(token))),
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
