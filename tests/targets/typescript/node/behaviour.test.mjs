// Retries, errors, timeouts, pagination, polling, webhooks and configuration, against a scripted
// local server.
import assert from "node:assert/strict";
import test from "node:test";
import { scripted, scriptedFetch, sdk } from "./helpers.mjs";

const FILE = { object: "file", id: "file_1", name: "a.pdf", presignedUrl: "https://x/y" };
const ERROR = (retryable) => ({ code: "INTERNAL_ERROR", message: "boom", retryable, requestId: "req_x" });

test("a POST whose error says retryable: false is sent once", async () => {
  const s = await scripted([[500, ERROR(false)]]);
  try {
    await assert.rejects(s.client().extractRuns.create({}), (error) => {
      assert.ok(error instanceof sdk.InternalServerError);
      assert.equal(error.statusCode, 500);
      assert.equal(error.code, "INTERNAL_ERROR");
      assert.equal(error.retryable, false);
      assert.equal(error.requestId, "req_x");
      assert.equal(error.message, "boom");
      assert.deepEqual(error.body, ERROR(false));
      return true;
    });
    assert.equal(s.requests.length, 1);
  } finally {
    await s.close();
  }
});

test("a POST whose error says retryable: true is retried", async () => {
  const s = await scripted([[503, ERROR(true), { "retry-after-ms": "1" }], [200, FILE]]);
  try {
    const run = await s.client().extractRuns.create({});
    assert.equal(run.id, "file_1");
    assert.equal(s.requests.length, 2);
  } finally {
    await s.close();
  }
});

test("a GET is retried after 5xx and 429, honouring retry-after", async () => {
  const s = await scripted([[502, {}, { "retry-after-ms": "5" }], [429, {}, { "retry-after": "0" }], [200, FILE]]);
  try {
    const file = await s.client().files.retrieve("file_1");
    assert.equal(file.presignedUrl, "https://x/y");
    assert.equal(s.requests.length, 3);
  } finally {
    await s.close();
  }
});

test("maxRetries per call bounds the attempts", async () => {
  const s = await scripted([[503, {}, { "retry-after-ms": "1" }]]);
  try {
    await assert.rejects(s.client().files.retrieve("x", {}, { maxRetries: 0 }), sdk.InternalServerError);
    assert.equal(s.requests.length, 1);
  } finally {
    await s.close();
  }
});

test("errors by status, exported from the package root", async () => {
  const cases = [[400, sdk.BadRequestError], [404, sdk.NotFoundError], [409, sdk.ConflictError], [422, sdk.UnprocessableEntityError]];
  for (const [status, kind] of cases) {
    const s = await scripted([[status, { error: { code: "X", message: `status ${status}` } }]]);
    try {
      await assert.rejects(s.client().files.retrieve("x"), (error) => {
        assert.ok(error instanceof kind);
        assert.ok(error instanceof sdk.ApiError);
        assert.equal(error.statusCode, status);
        assert.equal(error.message, `status ${status}`);
        assert.equal(error.requestId, "req_1");
        return true;
      });
    } finally {
      await s.close();
    }
  }
});

// The timeout and abort tests answer through `scriptedFetch`: a call that hangs until its signal
// aborts, so what they prove holds however slow the machine is.
test("a slow answer is an APITimeoutError", async () => {
  const f = scriptedFetch(["hang"]);
  await assert.rejects(
    f.client({ maxRetries: 0 }).files.retrieve("x", {}, { timeoutInSeconds: 0.05 }),
    sdk.APITimeoutError,
  );
  assert.equal(f.calls.length, 1);
});

test("an aborted call is an APIConnectionError and is not retried", async () => {
  const f = scriptedFetch(["hang", [200, FILE]]);
  const controller = new AbortController();
  const call = f.client().files.retrieve("x", {}, { abortSignal: controller.signal });
  controller.abort();
  await assert.rejects(call, sdk.APIConnectionError);
  assert.ok(f.calls.length <= 1, `${f.calls.length} calls`);
});

test("a refused connection is an APIConnectionError after retries", async () => {
  const client = new sdk.ExtendClient({ token: "t", baseUrl: "http://127.0.0.1:1", maxRetries: 1 });
  await assert.rejects(client.files.retrieve("x"), (error) => {
    assert.ok(error instanceof sdk.APIConnectionError);
    assert.ok(!(error instanceof sdk.APITimeoutError));
    return true;
  });
});

test("auto-pagination follows nextPageToken; pages are reachable one by one", async () => {
  const s = await scripted([
    [200, { object: "list", data: [{ id: "a" }, { id: "b" }], nextPageToken: "p2" }],
    [200, { object: "list", data: [{ id: "c" }], nextPageToken: null }],
  ]);
  try {
    const ids = [];
    for await (const file of s.client().files.list({ maxPageSize: 2 })) ids.push(file.id);
    assert.deepEqual(ids, ["a", "b", "c"]);
    assert.match(s.requests[1].url, /nextPageToken=p2/);
    assert.match(s.requests[1].url, /maxPageSize=2/);
  } finally {
    await s.close();
  }
  const t = await scripted([
    [200, { data: [{ id: "a" }], nextPageToken: "p2" }],
    [200, { data: [{ id: "b" }] }],
  ]);
  try {
    const page = await t.client().files.list();
    assert.equal(page.hasNextPage(), true);
    const next = await page.getNextPage();
    assert.deepEqual(next.data.map((f) => f.id), ["b"]);
    assert.equal(next.hasNextPage(), false);
    assert.equal(await next.getNextPage(), undefined);
  } finally {
    await t.close();
  }
});

test("createAndPoll waits for a terminal status", async () => {
  const s = await scripted([
    [200, { id: "run_1", status: "PROCESSING" }],
    [200, { id: "run_1", status: "PROCESSING" }],
    [200, { id: "run_1", status: "PROCESSED", output: {} }],
  ]);
  try {
    const run = await s.client().extractRuns.createAndPoll({}, { pollIntervalMs: 5 });
    assert.equal(run.status, "PROCESSED");
    assert.equal(s.requests.length, 3);
    assert.equal(s.requests[0].method, "POST");
    assert.equal(s.requests[2].url, "/extract_runs/run_1");
  } finally {
    await s.close();
  }
});

test("createAndPoll with maxWaitMs throws PollingTimeoutError with the last state", async () => {
  const s = await scripted([[200, { id: "run_1", status: "PROCESSING" }]]);
  try {
    await assert.rejects(
      s.client().extractRuns.createAndPoll({}, { pollIntervalMs: 20, maxWaitMs: 50 }),
      (error) => {
        assert.ok(error instanceof sdk.PollingTimeoutError);
        assert.equal(error.last.status, "PROCESSING");
        return true;
      },
    );
  } finally {
    await s.close();
  }
});

test("responses that drift from the spec never throw", async () => {
  const s = await scripted([[200, { id: 7, surprise: [1, 2], status: "NEW_STATUS" }]]);
  try {
    const file = await s.client().files.retrieve("x");
    assert.equal(file.id, 7);
    assert.deepEqual(file.surprise, [1, 2]);
  } finally {
    await s.close();
  }
});

test("headers: bearer token, API version default, per-call headers", async () => {
  const s = await scripted([[200, FILE]]);
  try {
    await s.client({ workspaceId: "ws_1" }).files.retrieve("a/b", {}, { headers: { "x-trace": "1" } });
    const sent = s.requests[0];
    assert.equal(sent.headers.authorization, "Bearer t");
    assert.equal(sent.headers["x-extend-api-version"], "2026-02-09");
    assert.equal(sent.headers["x-extend-workspace-id"], "ws_1");
    assert.equal(sent.headers["x-trace"], "1");
    assert.equal(sent.url, "/files/a%2Fb");
  } finally {
    await s.close();
  }
});

test("the token falls back to EXTEND_API_KEY; none at all is a ConfigurationError", async () => {
  const s = await scripted([[200, FILE]]);
  const saved = process.env.EXTEND_API_KEY;
  try {
    process.env.EXTEND_API_KEY = "from_env";
    await new sdk.ExtendClient({ baseUrl: s.url }).files.retrieve("x");
    assert.equal(s.requests[0].headers.authorization, "Bearer from_env");
    delete process.env.EXTEND_API_KEY;
    await assert.rejects(new sdk.ExtendClient({ baseUrl: s.url }).files.retrieve("x"), sdk.ConfigurationError);
  } finally {
    if (saved === undefined) delete process.env.EXTEND_API_KEY;
    else process.env.EXTEND_API_KEY = saved;
    await s.close();
  }
});

test("environments by name or URL; an unknown one is a ConfigurationError", () => {
  assert.equal(new sdk.ExtendClient({ token: "t" }).baseUrl, sdk.ExtendClientEnvironment.US);
  assert.equal(new sdk.ExtendClient({ token: "t", environment: "EU1" }).baseUrl, sdk.ExtendClientEnvironment.EU1);
  assert.throws(() => new sdk.ExtendClient({ token: "t", environment: "MARS" }), sdk.ConfigurationError);
});

test("a custom fetch is used", async () => {
  const seen = [];
  const client = new sdk.ExtendClient({
    token: "t",
    baseUrl: "http://sdk.test",
    fetch: async (url, init) => {
      seen.push([url, init.method]);
      return new Response(JSON.stringify(FILE), { status: 200, headers: { "content-type": "application/json" } });
    },
  });
  const file = await client.files.retrieve("f");
  assert.equal(file.id, "file_1");
  assert.deepEqual(seen, [["http://sdk.test/files/f", "GET"]]);
});

test("webhooks: sign, verify (never throws) and verifyAndParse", async () => {
  const client = new sdk.ExtendClient({ token: "t" });
  const body = JSON.stringify({ eventType: "extract_run.processed", payload: { id: "run_1" } });
  const headers = await client.webhooks.sign(body, "wh_secret");
  assert.match(headers["x-extend-request-signature"], /^[0-9a-f]{64}$/);
  assert.equal(await client.webhooks.verify(body, headers, "wh_secret"), true);
  assert.equal(await client.webhooks.verify(body, new Headers(headers), "wh_secret"), true);
  assert.equal(await client.webhooks.verify(new TextEncoder().encode(body), headers, "wh_secret"), true);
  assert.equal(await client.webhooks.verify(body, headers, "other"), false);
  assert.equal(await client.webhooks.verify(body + " ", headers, "wh_secret"), false);
  assert.equal(await client.webhooks.verify(body, {}, "wh_secret"), false);
  const old = await client.webhooks.sign(body, "wh_secret", Math.floor(Date.now() / 1000) - 3600);
  assert.equal(await client.webhooks.verify(body, old, "wh_secret"), false);
  const event = await client.webhooks.verifyAndParse(body, headers, "wh_secret");
  assert.equal(event.eventType, "extract_run.processed");
  await assert.rejects(client.webhooks.verifyAndParse(body, headers, "other"), sdk.WebhookVerificationError);
});

test("the signature is HMAC-SHA256 of v0:{timestamp}:{body} in hex", async () => {
  const { createHmac } = await import("node:crypto");
  const client = new sdk.ExtendClient({ token: "t" });
  const headers = await client.webhooks.sign("{}", "s", 1700000000);
  const expected = createHmac("sha256", "s").update("v0:1700000000:{}").digest("hex");
  assert.equal(headers["x-extend-request-signature"], expected);
  assert.equal(headers["x-extend-request-timestamp"], "1700000000");
});

test("an upload retried is sent again whole", async () => {
  const s = await scripted([[503, ERROR(true), { "retry-after-ms": "1" }], [200, FILE]]);
  try {
    const bytes = new Uint8Array(4096).map((_, i) => i % 251);
    const file = await s.client().files.upload({ file: new File([bytes], "scan.pdf", { type: "application/pdf" }) });
    assert.equal(file.id, "file_1");
    assert.equal(s.requests.length, 2);
    const [first, second] = s.requests;
    assert.match(first.headers["content-type"], /^multipart\/form-data; boundary=/);
    assert.ok(first.body.length > 4096);
    assert.equal(second.body.length, first.body.length);
    assert.ok(second.body.includes(Buffer.from(bytes)));
    assert.ok(second.body.includes(Buffer.from('filename="scan.pdf"')));
  } finally {
    await s.close();
  }
});

test("a POST is not retried after a timeout; a GET is", async () => {
  const post = scriptedFetch(["hang", [200, FILE]]);
  await assert.rejects(post.client().extractRuns.create({}, { timeoutInSeconds: 0.05 }), sdk.APITimeoutError);
  assert.deepEqual(post.calls.map((c) => c.method), ["POST"]); // the call is over: no retry to come
  const get = scriptedFetch(["hang", [200, FILE]]);
  const file = await get.client().files.retrieve("x", {}, { timeoutInSeconds: 0.05 });
  assert.equal(file.id, "file_1");
  assert.deepEqual(get.calls.map((c) => c.method), ["GET", "GET"]);
});

test("an error awaited through withRawResponse alone is no unhandled rejection", async () => {
  const unhandled = [];
  const record = (reason) => unhandled.push(reason);
  process.on("unhandledRejection", record);
  try {
    const client = new sdk.ExtendClient({
      token: "t",
      baseUrl: "http://sdk.test",
      fetch: async () => new Response(JSON.stringify({ message: "no" }), { status: 404 }),
    });
    await assert.rejects(client.files.retrieve("x").withRawResponse(), sdk.NotFoundError);
    await assert.rejects(client.files.list().withRawResponse(), sdk.NotFoundError);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(unhandled, []);
  } finally {
    process.off("unhandledRejection", record);
  }
});

// A `fetch` that records each attempt's signal and hangs on the attempts `hangs` names, until
// that signal aborts.
function signalFetch(hangs) {
  const signals = [];
  const fetch = (_input, init) => {
    signals.push(init.signal);
    if (!hangs(signals.length)) {
      return Promise.resolve(new Response(JSON.stringify(FILE), { status: 200, headers: { "content-type": "application/json" } }));
    }
    return new Promise((_resolve, reject) => {
      const fail = () => reject(init.signal.reason ?? new DOMException("aborted", "AbortError"));
      if (init.signal.aborted) fail();
      else init.signal.addEventListener("abort", fail, { once: true });
    });
  };
  const client = new sdk.ExtendClient({ token: "t", baseUrl: "http://sdk.test", maxRetries: 0, fetch });
  return { signals, client };
}

test("after finished calls a stalled one still times out, and the next is unaffected", async () => {
  const f = signalFetch((n) => n === 3);
  await f.client.files.retrieve("a");
  await f.client.files.retrieve("b");
  await assert.rejects(f.client.files.retrieve("c", {}, { timeoutInSeconds: 0.05 }), sdk.APITimeoutError);
  assert.equal(f.signals[2].aborted, true);
  assert.deepEqual(f.signals.slice(0, 2).map((signal) => signal.aborted), [false, false]);
  const file = await f.client.files.retrieve("d");
  assert.equal(file.id, "file_1");
  assert.equal(f.signals[3].aborted, false);
});

test("calls in flight together never share a signal; aborting one leaves the other", async () => {
  const f = signalFetch((n) => n <= 2);
  const first = new AbortController();
  const one = f.client.files.retrieve("a", {}, { abortSignal: first.signal });
  const two = f.client.files.retrieve("b", {}, { timeoutInSeconds: 0.05 });
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(f.signals.length, 2);
  assert.notEqual(f.signals[0], f.signals[1]);
  first.abort();
  await assert.rejects(one, sdk.APIConnectionError);
  assert.equal(f.signals[1].aborted, false, "the other call's signal is its own");
  await assert.rejects(two, sdk.APITimeoutError);
});

test("a token given as a function is asked on every call; one given as text is sent as it is", async () => {
  const sent = [];
  const fetch = async (_url, init) => {
    sent.push(init.headers.authorization);
    return Response.json(FILE);
  };
  let asked = 0;
  const dynamic = new sdk.ExtendClient({ token: async () => `tok-${++asked}`, baseUrl: "http://sdk.test", fetch });
  await dynamic.files.retrieve("a");
  await dynamic.files.retrieve("b");
  await new sdk.ExtendClient({ token: "plain", baseUrl: "http://sdk.test/", fetch }).files.retrieve("c");
  assert.deepEqual(sent, ["Bearer tok-1", "Bearer tok-2", "Bearer plain"]);
  const empty = new sdk.ExtendClient({ token: () => "", baseUrl: "http://sdk.test", fetch });
  await assert.rejects(empty.files.retrieve("d"), sdk.ConfigurationError);
});
