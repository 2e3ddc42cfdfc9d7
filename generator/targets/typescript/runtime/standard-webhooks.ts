/** Standard Webhooks signatures: HMAC-SHA256 of `{webhook-id}.{webhook-timestamp}.{body}` with
 * the key a `whsec_` secret holds in base64, sent as `v1,<base64>`; a header may carry several
 * (space-separated) while a secret is being rotated. */

import { WebhookVerificationError } from "./errors.js";

export const SECRET_PREFIX = "whsec_";
export const VERSION = "v1";

function fromBase64(text: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) {
    throw new WebhookVerificationError("the signing secret is not a whsec_ secret");
  }
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary);
}

/** The key a `whsec_` secret holds (the prefix may be left out). */
export function secretKey(secret: string): Uint8Array {
  return fromBase64(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret);
}

/** The base64 signature of one delivery, given the platform's HMAC-SHA256. */
export async function standardSignature(
  hmac: (key: Uint8Array, payload: Uint8Array) => Promise<Uint8Array>,
  secret: string,
  messageId: string,
  timestamp: string,
  body: string,
): Promise<string> {
  const payload = new TextEncoder().encode(`${messageId}.${timestamp}.${body}`);
  return toBase64(await hmac(secretKey(secret), payload));
}

/** Whether one of the header's `v1,<base64>` signatures is `expected`. */
export function standardMatches(header: string, expected: string, same: (a: string, b: string) => boolean): boolean {
  let found = false;
  for (const part of header.split(" ").filter((p) => p !== "")) {
    const comma = part.indexOf(",");
    if (comma !== -1 && part.slice(0, comma) === VERSION) {
      found = same(part.slice(comma + 1), expected) || found;
    }
  }
  return found;
}

export function newMessageId(): string {
  return `msg_${globalThis.crypto.randomUUID().replaceAll("-", "")}`;
}
