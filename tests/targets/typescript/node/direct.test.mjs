// On Node, a call whose body is text (or none) and whose answer is read whole goes over node:http
// (runtime/direct.ts); fetch carries the rest, and every call when the global fetch is replaced.
// The wire and the results must be the same either way.
import assert from "node:assert/strict";
import http from "node:http";
import test from "node:test";
import zlib from "node:zlib";
import { sdk } from "./helpers.mjs";

const FILE = { object: "file", id: "file_1", name: "Résumé.pdf", presignedUrl: "https://x/y" };

/** A local server answering every request with `answer(req, res, body)`; records what came. */
async function serve(answer) {
  const requests = [];
  const closed = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      requests.push({ method: req.method, url: req.url, headers: req.headers, body, socket: req.socket });
      answer(req, res, body);
    });
    res.on("close", () => closed.push(req.url));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  return {
    requests,
    closed,
    url,
    client: (options = {}) => new sdk.ExtendClient({ token: "t", baseUrl: url, maxRetries: 0, ...options }),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

const json = (res, status, value, headers = {}) => {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(value));
};

test("a JSON call goes over node:http: fetch's own headers absent, its accept-encoding sent", async () => {
  const s = await serve((_req, res) => json(res, 200, FILE));
  try {
    assert.deepEqual(await s.client().files.retrieve("file_1"), FILE);
    const headers = s.requests[0].headers;
    assert.equal(headers["sec-fetch-mode"], undefined, "fetch sends sec-fetch-mode; node:http does not");
    assert.equal(headers["accept-encoding"], "gzip, deflate");
    assert.equal(headers.authorization, "Bearer t");
    assert.match(headers["user-agent"], /.+/);
  } finally {
    await s.close();
  }
});

test("a success's headers are its Response's, made when first read and the same after", async () => {
  const s = await serve((_req, res) => json(res, 200, FILE, { "x-request-id": "req_7" }));
  try {
    const raw = await s.client().files.retrieve("file_1").withRawResponse();
    assert.deepEqual(Object.keys(raw), ["statusCode", "headers", "requestId", "data"]);
    assert.equal(raw.statusCode, 200);
    assert.equal(raw.requestId, "req_7");
    assert.ok(raw.headers instanceof Headers);
    assert.equal(raw.headers, raw.headers);
    assert.equal(raw.headers.get("content-type"), "application/json");
    assert.equal({ ...raw }.headers, raw.headers);
    assert.deepEqual(raw.data, FILE);
  } finally {
    await s.close();
  }
});

test("a success's request id is what its headers give: any case, repeated ones joined, none", async () => {
  const cases = [
    { sent: { "X-Request-Id": "req_8" }, requestId: "req_8" },
    { sent: { "x-request-id": ["req_8", "req_9"] }, requestId: "req_8, req_9" },
    { sent: {}, requestId: undefined },
  ];
  for (const { sent, requestId } of cases) {
    const s = await serve((_req, res) => {
      for (const [name, value] of Object.entries(sent)) {
        res.setHeader(name, value);
      }
      json(res, 200, FILE);
    });
    try {
      const raw = await s.client().files.retrieve("file_1").withRawResponse();
      assert.equal(raw.requestId, requestId);
      assert.equal(raw.headers.get("x-request-id") ?? undefined, requestId);
    } finally {
      await s.close();
    }
  }
});

// Paths node:http is given as they are, and paths `URL` rewrites (dot segments, characters it
// encodes), which go through `URL`: the server sees what fetch would send for each.
const PATHS = [
  "/files/a.b_c-d~e",
  "/files/~!$&'()*+,;=:@%41?x=a/b?c&y=%20",
  "/files//double/",
  "/files/./a b/../é?q=x y'",
  "/files/.well-known",
  "/files/%2e%2E/x",
  "/files/a#fragment",
  "/files/a\\b?c=d",
];

test("the host header is the URL's; the path is what URL makes of it", async () => {
  const s = await serve((_req, res) => json(res, 200, FILE));
  try {
    for (const path of PATHS) {
      const hooks = { beforeRequest: [(request) => void (request.url = `${s.url}${path}`)] };
      await s.client({ hooks }).files.retrieve("file_1");
    }
    const expected = PATHS.map((path) => new URL(`${s.url}${path}`)).map((url) => `${url.pathname}${url.search}`);
    assert.deepEqual(s.requests.map((r) => r.url), expected);
    for (const { headers, socket } of s.requests) {
      assert.equal(headers.host, `127.0.0.1:${socket.localPort}`);
      assert.equal(headers["sec-fetch-mode"], undefined, "sent directly");
    }
  } finally {
    await s.close();
  }
});

test("calls one after another share one kept-alive connection", async () => {
  const s = await serve((_req, res) => json(res, 200, FILE));
  try {
    const client = s.client();
    for (let i = 0; i < 3; i++) {
      await client.files.retrieve("file_1");
    }
    assert.equal(new Set(s.requests.map((r) => r.socket)).size, 1);
    assert.equal(s.requests[0].headers.connection, "keep-alive");
  } finally {
    await s.close();
  }
});

test("a replaced global fetch sees every call", async () => {
  const s = await serve((_req, res) => json(res, 200, FILE));
  const platform = globalThis.fetch;
  const seen = [];
  globalThis.fetch = (input, init) => {
    seen.push(String(input));
    return platform(input, init);
  };
  try {
    assert.deepEqual(await s.client().files.retrieve("file_1"), FILE);
    assert.equal(seen.length, 1);
    assert.equal(s.requests[0].headers["sec-fetch-mode"], "cors", "the request went through fetch");
  } finally {
    globalThis.fetch = platform;
    await s.close();
  }
  const again = await serve((_req, res) => json(res, 200, FILE));
  try {
    await again.client().files.retrieve("file_1");
    assert.equal(again.requests[0].headers["sec-fetch-mode"], undefined, "direct again once fetch is Node's own");
  } finally {
    await again.close();
  }
});

test("a header a hook sets in another case is folded into one, over node:http as over fetch", async () => {
  const s = await serve((req, res) => {
    const lines = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      if (req.rawHeaders[i].toLowerCase() === "x-trace") lines.push(req.rawHeaders[i + 1]);
    }
    json(res, 200, { ...FILE, id: lines.join(" | ") });
  });
  const hooks = { beforeRequest: [(request) => void (request.headers["X-Trace"] = "b")] };
  const viaFetch = (input, init) => fetch(input, init);
  try {
    for (const options of [{}, { fetch: viaFetch }]) {
      const file = await s.client({ hooks, headers: { "x-trace": "a" }, ...options }).files.retrieve("file_1");
      assert.equal(file.id, "a, b", "one x-trace line, the values joined as fetch's Headers joins them");
    }
    assert.equal(s.requests[0].headers["sec-fetch-mode"], undefined, "the first went direct");
    assert.equal(s.requests[1].headers["sec-fetch-mode"], "cors", "the second through fetch");
  } finally {
    await s.close();
  }
});

test("a JSON body is sent whole, its content-length in bytes", async () => {
  const s = await serve((_req, res) => json(res, 200, FILE));
  try {
    await s.client().extractRuns.create({ file: { name: "Résumé ✓.pdf", url: "https://x/y" } });
    const { method, headers, body } = s.requests[0];
    assert.equal(method, "POST");
    assert.equal(headers["content-type"], "application/json");
    assert.equal(Number(headers["content-length"]), body.length);
    assert.deepEqual(JSON.parse(body.toString("utf8")).file.name, "Résumé ✓.pdf");
  } finally {
    await s.close();
  }
});

/** The file a 200 answer of these `headers` and raw `bytes` decodes to. */
async function retrievedFrom(headers, bytes) {
  const s = await serve((_req, res) => {
    res.writeHead(200, { "content-type": "application/json", ...headers });
    res.end(bytes);
  });
  try {
    return await s.client().files.retrieve("file_1");
  } finally {
    await s.close();
  }
}

for (const [coding, compress] of [["gzip", zlib.gzipSync], ["deflate", zlib.deflateSync], ["br", zlib.brotliCompressSync]]) {
  test(`an answer in ${coding} is decompressed`, async () => {
    const bytes = compress(Buffer.from(JSON.stringify(FILE)));
    assert.deepEqual(await retrievedFrom({ "content-encoding": coding }, bytes), FILE);
  });
}

test("a byte-order mark before the JSON is skipped, as fetch's text() does", async () => {
  const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(FILE))]);
  assert.deepEqual(await retrievedFrom({}, bytes), FILE);
});

test("an error answer keeps its status, headers and body; repeated headers are kept apart", async () => {
  const s = await serve((_req, res) => {
    res.setHeader("set-cookie", ["a=1", "b=2"]);
    json(res, 404, { code: "NOT_FOUND", message: "no such file" }, { "x-request-id": "req_9" });
  });
  try {
    await assert.rejects(s.client().files.retrieve("nope"), (error) => {
      assert.ok(error instanceof sdk.NotFoundError);
      assert.equal(error.statusCode, 404);
      assert.equal(error.requestId, "req_9");
      assert.equal(error.message, "no such file");
      assert.deepEqual(error.headers.getSetCookie(), ["a=1", "b=2"]);
      return true;
    });
  } finally {
    await s.close();
  }
});

// The server never answers these: only the timeout or the abort can end the call, however slow
// the machine is.
test("a call the server never answers times out, and its connection is closed", async () => {
  const s = await serve(() => undefined);
  try {
    await assert.rejects(s.client().files.retrieve("x", {}, { timeoutInSeconds: 0.05 }), sdk.APITimeoutError);
    await until(() => s.closed.length === 1);
  } finally {
    await s.close();
  }
});

test("an aborted call is an APIConnectionError, and its connection is closed", async () => {
  const s = await serve(() => undefined);
  try {
    const controller = new AbortController();
    const call = s.client().files.retrieve("x", {}, { abortSignal: controller.signal });
    await until(() => s.requests.length === 1);
    controller.abort();
    await assert.rejects(call, (error) => error instanceof sdk.APIConnectionError && !(error instanceof sdk.APITimeoutError));
    await until(() => s.closed.length === 1);
  } finally {
    await s.close();
  }
});

test("a redirect is followed the same way, the body kept on a 307", async () => {
  const s = await serve((req, res) => {
    if (req.url.startsWith("/extract_runs") && !req.url.includes("moved")) {
      res.writeHead(307, { location: "/extract_runs?moved=1" });
      res.end();
    } else {
      json(res, 200, FILE);
    }
  });
  try {
    await s.client().extractRuns.create({ file: { url: "https://x/y" } });
    assert.deepEqual(s.requests.map((r) => [r.method, r.url]), [["POST", "/extract_runs"], ["POST", "/extract_runs?moved=1"]]);
    assert.deepEqual(s.requests[1].body, s.requests[0].body);
    assert.equal(s.requests[1].headers["sec-fetch-mode"], undefined);
  } finally {
    await s.close();
  }
});

test("an upload goes through fetch", async () => {
  const s = await serve((_req, res) => json(res, 200, FILE));
  try {
    await s.client().files.upload({ file: new Blob(["%PDF-1.7"], { type: "application/pdf" }) });
    assert.match(s.requests[0].headers["content-type"], /^multipart\/form-data; boundary=/);
    assert.equal(s.requests[0].headers["sec-fetch-mode"], "cors");
  } finally {
    await s.close();
  }
});

test("a status no Response can carry is a connection error that says so", async () => {
  const s = await serve((_req, res) => json(res, 600, FILE));
  try {
    await assert.rejects(s.client().files.retrieve("x"), (error) => {
      assert.ok(error instanceof sdk.APIConnectionError);
      assert.match(error.message, /status 600/);
      return true;
    });
  } finally {
    await s.close();
  }
});

/** Wait for what the server sees (a guard of 30 s against a hang, never a measure of speed). */
async function until(condition) {
  for (let waited = 0; !condition(); waited += 5) {
    assert.ok(waited < 30000, "the server never saw it");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
