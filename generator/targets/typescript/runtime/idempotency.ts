/** Idempotency keys: one per call, the same on every retry, so the API can tell a retry from a
 * new request and a retried POST never does the work twice. */

import type { RequestSpec } from "./core.js";

function given(headers: Record<string, unknown> | undefined, name: string): boolean {
  const wanted = name.toLowerCase();
  return Object.entries(headers ?? {}).some(
    ([key, value]) => key.toLowerCase() === wanted && value !== undefined && value !== null,
  );
}

/** The request with a new key under its idempotency header, unless the caller passed one (as
 * an argument or in `options.headers`); unchanged when the operation takes no key. */
export function withIdempotencyKey(
  spec: RequestSpec,
  optionHeaders: Record<string, string | null | undefined> | undefined,
): RequestSpec {
  const header = spec.idempotencyHeader;
  if (header === undefined || given(spec.headers, header) || given(optionHeaders, header)) {
    return spec;
  }
  return { ...spec, headers: { ...spec.headers, [header]: newIdempotencyKey() } };
}

/** A key no other call sends. */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}
