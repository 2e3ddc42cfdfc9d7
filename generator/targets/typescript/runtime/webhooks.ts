/** Webhook signatures: HMAC-SHA256 over a payload built from the timestamp header and the raw
 * body, in hex (`scheme: "hmac"`) or the Standard Webhooks way (`scheme: "standard"`, see
 * `standard-webhooks.ts`), compared in constant time, with a tolerance on the timestamp. Web
 * Crypto where the platform has it, `node:crypto`'s otherwise. */

import { WebhookVerificationError } from "./errors.js";
import { newMessageId, standardMatches, standardSignature, VERSION } from "./standard-webhooks.js";

export interface Signing {
  signatureHeader: string;
  timestampHeader: string;
  signedPayload: string;
  toleranceSeconds: number;
  /** `hmac` (hex of the signed payload, the default) or `standard` (Standard Webhooks). */
  scheme?: "hmac" | "standard";
  idHeader?: string;
}

export type HeadersLike = Headers | Record<string, string | string[] | undefined>;

interface Subtle {
  importKey(
    format: "raw",
    key: Uint8Array,
    algorithm: { name: string; hash: string },
    extractable: boolean,
    usages: string[],
  ): Promise<unknown>;
  sign(algorithm: string, key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
}

async function subtle(): Promise<Subtle> {
  const web = (globalThis as { crypto?: { subtle?: Subtle } }).crypto?.subtle;
  if (web !== undefined) {
    return web;
  }
  const name = "node:crypto"; // Node 18, where Web Crypto is not global yet
  const node = (await import(name)) as { webcrypto: { subtle: Subtle } };
  return node.webcrypto.subtle;
}

export function header(headers: HeadersLike, name: string): string | undefined {
  if (headers instanceof Headers) {
    return headers.get(name) ?? undefined;
  }
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) {
      return Array.isArray(value) ? value[0] : value;
    }
  }
  return undefined;
}

export function bodyText(body: string | Uint8Array | ArrayBuffer): string {
  if (typeof body === "string") {
    return body;
  }
  return new TextDecoder().decode(body instanceof Uint8Array ? body : new Uint8Array(body));
}

async function hmacSha256(key: Uint8Array, payload: Uint8Array): Promise<Uint8Array> {
  const crypto = await subtle();
  const imported = await crypto.importKey("raw", key, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return new Uint8Array(await crypto.sign("HMAC", imported, payload));
}

/** The hex HMAC-SHA256 of the signed payload (`v0:{timestamp}:{body}` and the like). */
export async function signature(
  signing: Signing,
  timestamp: string,
  body: string,
  secret: string,
): Promise<string> {
  const encoder = new TextEncoder();
  const payload = signing.signedPayload.split("{timestamp}").join(timestamp).split("{body}");
  const mac = await hmacSha256(encoder.encode(secret), encoder.encode(payload.join(body)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The headers the API would send with `body`, signed with `secret` at `timestamp`. */
export async function signedHeaders(
  signing: Signing,
  body: string,
  secret: string,
  timestamp: number,
): Promise<Record<string, string>> {
  const stamp = String(timestamp);
  if (signing.scheme === "standard") {
    const id = newMessageId();
    const signed = await standardSignature(hmacSha256, secret, id, stamp, body);
    return {
      [signing.idHeader ?? "webhook-id"]: id,
      [signing.timestampHeader]: stamp,
      [signing.signatureHeader]: `${VERSION},${signed}`,
    };
  }
  return {
    [signing.timestampHeader]: stamp,
    [signing.signatureHeader]: await signature(signing, stamp, body, secret),
  };
}

function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  }
  return diff === 0;
}

/** Throws WebhookVerificationError unless the delivery is signed with `secret` and fresh. */
export async function check(
  signing: Signing,
  body: string | Uint8Array | ArrayBuffer,
  headers: HeadersLike,
  secret: string,
  now: number = Date.now() / 1000,
): Promise<string> {
  const text = bodyText(body);
  const given = header(headers, signing.signatureHeader);
  const timestamp = header(headers, signing.timestampHeader);
  if (given === undefined || timestamp === undefined) {
    throw new WebhookVerificationError("the delivery has no signature or timestamp header");
  }
  const seconds = Number(timestamp);
  if (!Number.isFinite(seconds) || Math.abs(now - seconds) > signing.toleranceSeconds) {
    throw new WebhookVerificationError("the delivery's timestamp is outside the tolerance");
  }
  if (signing.scheme === "standard") {
    const id = header(headers, signing.idHeader ?? "webhook-id");
    if (id === undefined) {
      throw new WebhookVerificationError("the delivery has no id header");
    }
    const expected = await standardSignature(hmacSha256, secret, id, timestamp, text);
    if (!standardMatches(given, expected, sameText)) {
      throw new WebhookVerificationError("the delivery's signature does not match");
    }
    return text;
  }
  const expected = await signature(signing, timestamp, text, secret);
  const candidates = given.split(",").map((part) => part.trim().replace(/^v\d+=/, ""));
  if (!candidates.some((candidate) => sameText(candidate.toLowerCase(), expected))) {
    throw new WebhookVerificationError("the delivery's signature does not match");
  }
  return text;
}
