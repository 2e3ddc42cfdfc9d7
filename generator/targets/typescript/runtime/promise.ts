/** The promise every method returns: awaits to the parsed body, and `.withRawResponse()` gives
 * the status, headers and request id beside it. The request starts when the method is called. */

import type { RawResponse } from "./core.js";

export class ApiPromise<T> extends Promise<T> {
  private readonly raw: Promise<RawResponse<T>>;

  // `then` and friends return plain promises, not another ApiPromise.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  constructor(raw: Promise<RawResponse<T>>) {
    let settle: ((value: T | PromiseLike<T>) => void) | undefined;
    let fail: ((reason?: unknown) => void) | undefined;
    super((resolve, reject) => {
      settle = resolve;
      fail = reject;
    });
    this.raw = raw;
    raw.then(
      (response) => settle?.(response.data),
      (error: unknown) => fail?.(error),
    );
    // Whoever awaits this promise or `.withRawResponse()` sees the error; the other of the
    // two must not crash the process as an unhandled rejection.
    Promise.prototype.catch.call(this, () => undefined);
  }

  /** The response with its status, headers and request id; `data` is the parsed body. */
  withRawResponse(): Promise<RawResponse<T>> {
    return this.raw;
  }
}
