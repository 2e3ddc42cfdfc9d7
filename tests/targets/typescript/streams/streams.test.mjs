// The TypeScript SDK of tests/support/streams_spec.yaml against the scripted stream server
// (tests/support/stream_server.py): events cut across chunks arrive typed and in order, a
// request field switches a call to a stream, downloads are body streams, retries keep their
// idempotency key, and any path can be called with the client's settings.
import assert from "node:assert/strict";
import path from "node:path";
import test from "node:test";
import { pathToFileURL } from "node:url";

const sdk = await import(pathToFileURL(path.join(process.env.SDK_DIST, "index.js")).href);
const BASE = process.env.STREAM_URL;
const client = (settings = {}) => new sdk.StreamsClient({ baseUrl: BASE, token: "t", maxRetries: 2, ...settings });
const TICKS = [
  [1, undefined, undefined],
  [2, "café ☕", undefined],
  [3, undefined, undefined],
  [4, undefined, "kept"],
];

test("every event arrives in order, cut across chunks", async () => {
  const stream = await client().events.list();
  assert.ok(stream instanceof sdk.Stream);
  const seen = [];
  for await (const tick of stream) {
    seen.push([tick.sequence, tick.note, tick.extra]);
  }
  assert.deepEqual(seen, TICKS);
});

test("stream: true streams, otherwise the model", async () => {
  const deltas = [];
  for await (const chunk of await client().completions.create({ prompt: "hi", stream: true })) {
    deltas.push(chunk.delta);
  }
  assert.deepEqual(deltas, ["Hel", "lo, ", "world"]);
  const whole = await client().completions.create({ prompt: "hi" });
  assert.equal(whole.text, "Hello, world");
});

test("an error event throws the SDK's error", async () => {
  const stream = await client().events.list({ headers: { "x-script": "error" } });
  const seen = [];
  await assert.rejects(
    async () => {
      for await (const tick of stream) {
        seen.push(tick.sequence);
      }
    },
    (error) => error instanceof sdk.StreamError && error instanceof sdk.SdkError && /overloaded/.test(error.message),
  );
  assert.deepEqual(seen, [1]);
});

test("abort stops a stream", async () => {
  const stream = await client().events.list();
  const seen = [];
  for await (const tick of stream) {
    seen.push(tick.sequence);
    stream.abort();
  }
  assert.deepEqual(seen, [1]);
});

test("a download is the body's stream", async () => {
  const size = 3 * 65536 + 123;
  const body = await client().fileContent.list(String(size));
  assert.ok(body instanceof ReadableStream);
  let total = 0;
  let sum = 0;
  for await (const chunk of body) {
    for (const byte of chunk) {
      assert.equal(byte, (total + 0) % 256);
      total += 1;
      sum += byte;
    }
  }
  assert.equal(total, size);
  assert.ok(sum > 0);
});

test("a retry after a dropped connection resends the same key", async () => {
  const first = await client().charges.create({ amount: 5 });
  const mine = await client().charges.create({ amount: 7, "Idempotency-Key": "mine-ts" });
  const key = first.id.replace(/^ch_/, "");
  assert.match(key, /^[0-9a-f-]{36}$/);
  assert.equal(mine.id, "ch_mine-ts");
});

test("a POST the spec keys nowhere is not retried", async () => {
  await assert.rejects(
    client().post("/charges", { body: { amount: 1 }, headers: { "Idempotency-Key": "raw-ts" } }),
    (error) => error instanceof sdk.APIConnectionError,
  );
});

test("any path with the client's settings", async () => {
  const parsed = await client().post("/completions", { body: { prompt: "x" } });
  assert.deepEqual(parsed, { id: "cmpl_1", text: "Hello, world" });
  await assert.rejects(client().get("/nowhere"), (error) => error instanceof sdk.NotFoundError);
});

test("Standard Webhooks: a delivery signed in Python verifies and parses; sign() round-trips", async () => {
  const delivery = JSON.parse(process.env.WEBHOOK_DELIVERY);
  const hooks = client().webhooks;
  const event = await hooks.verifyAndParse(delivery.body, delivery.headers, delivery.secret);
  assert.deepEqual([event.type, event.data.text], ["completion.done", "done"]);
  const otherKey = `whsec_${btoa("another key entirely, 32 bytes!!")}`;
  assert.equal(await hooks.verify(delivery.body, delivery.headers, otherKey), false);
  const stale = { ...delivery.headers, "webhook-timestamp": String(Math.floor(Date.now() / 1000) - 600) };
  assert.equal(await hooks.verify(delivery.body, stale, delivery.secret), false);
  const mine = await hooks.sign(delivery.body, delivery.secret);
  assert.match(mine["webhook-signature"], /^v1,[A-Za-z0-9+/]+=*$/);
  const rotated = { ...mine, "webhook-signature": `v1,AAAA ${mine["webhook-signature"]}` };
  assert.ok(await hooks.verify(delivery.body, rotated, delivery.secret));
  console.log(`TS_SIGNED ${JSON.stringify(mine)}`);
});
