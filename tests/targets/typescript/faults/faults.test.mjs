// The TypeScript runtime against two scripted servers on 127.0.0.1 (tests/support/fault_server.py):
// credentials never follow a redirect to another origin, and every fault is a typed error in
// bounded time. No assertion measures time: a stall ends at the server with another error than a
// timeout, and a wait of an hour would exceed the test's own timeout.
import assert from "node:assert/strict";
import path from "node:path";
import { describe, test } from "node:test";
import { pathToFileURL } from "node:url";

const dist = process.env.RUNTIME_DIST;
const { Core } = await import(pathToFileURL(path.join(dist, "core.js")).href);
const { Security } = await import(pathToFileURL(path.join(dist, "auth.js")).href);
const errors = await import(pathToFileURL(path.join(dist, "errors.js")).href);
const FIRST = Number(process.env.FAULT_A);
const SECOND = Number(process.env.FAULT_B);
const SECRET = "s3cret-token-value";
const key = (name, place, parameter) => ({ name, kind: "api_key", options: [name], env: [undefined], place, parameter });
const SCHEMES = {
  bearer: [{ name: "bearer", kind: "bearer", options: ["token"], env: [undefined] }],
  basic: [{ name: "basic", kind: "basic", options: ["username", "password"], env: [undefined, undefined] }],
  "api-key-header": [key("key", "header", "X-Api-Key")],
  "api-key-query": [key("query", "query", "api_key")],
  "api-key-cookie": [key("jar", "cookie", "session_key")],
  "keys-together": [key("id", "header", "X-Client-Id"), key("secret", "header", "X-Secret"), key("q", "query", "key")],
};
const STATUSES = [301, 302, 303, 307, 308];
const SECRET_PAGE = "<html><body>Please sign in to the proxy</body></html>";

/** Every scheme of `schemes` configured with SECRET (basic: as username and password), required together. */
function securityOf(schemes) {
  const given = Object.fromEntries(schemes.map((scheme) => [scheme.name, scheme.options.map(() => SECRET)]));
  return new Security(schemes, given, undefined, undefined, [schemes.map((scheme) => scheme.name)]);
}

function core(baseUrl, { schemes = SCHEMES.bearer, ...settings } = {}) {
  return new Core({
    baseUrl, security: securityOf(schemes), clientHeaders: {},
    headers: undefined, timeoutInSeconds: 10, maxRetries: 0, fetch: undefined,
    userAgent: "faults-test", ...settings,
  });
}

const origin = (port) => `http://127.0.0.1:${port}`;

function credentialsSeen(echo, schemes) {
  return schemes.map((scheme) => {
    if (scheme.place === "query") {
      return new URL(echo.target, "http://x").searchParams.get(scheme.parameter) ?? undefined;
    }
    return echo.headers[scheme.place === "cookie" ? "cookie" : (scheme.parameter ?? "authorization").toLowerCase()];
  });
}

function expectedCredentials(schemes) {
  return schemes.map((scheme) => {
    if (scheme.kind === "bearer") return `Bearer ${SECRET}`;
    if (scheme.kind === "basic") return `Basic ${btoa(`${SECRET}:${SECRET}`)}`;
    if (scheme.place === "cookie") return `${scheme.parameter}=${SECRET}`;
    return SECRET;
  });
}

function checkMethodAndBody(echo, status) {
  if (status === 307 || status === 308) {
    assert.deepEqual([echo.method, JSON.parse(echo.body)], ["POST", { n: 1 }]);
    assert.equal(echo.headers["content-type"], "application/json");
  } else {
    assert.deepEqual([echo.method, echo.body], ["GET", ""]);
    assert.equal(echo.headers["content-type"], undefined);
  }
}

async function postThroughRedirect(schemes, status, port, bare) {
  const path = `/redirect/${status}/${port}${bare ? "/bare" : ""}`;
  const spec = { method: "POST", path, query: { page: "2" }, body: { n: 1 }, bodyKind: "json", responseKind: "json" };
  return (await core(origin(FIRST), { schemes }).request(spec)).data;
}

describe("redirects", { concurrency: true }, () => {
  for (const [scheme, schemes] of Object.entries(SCHEMES)) {
    for (const status of STATUSES) {
      test(`${scheme} ${status}: a same-origin redirect keeps the credential`, async () => {
        const echo = await postThroughRedirect(schemes, status, FIRST, true);
        assert.equal(echo.port, FIRST);
        assert.deepEqual(credentialsSeen(echo, schemes), expectedCredentials(schemes));
        checkMethodAndBody(echo, status);
      });
      test(`${scheme} ${status}: a cross-origin redirect drops every credential`, async () => {
        const echo = await postThroughRedirect(schemes, status, SECOND, false);
        assert.equal(echo.port, SECOND);
        assert.deepEqual(credentialsSeen(echo, schemes), schemes.map(() => undefined));
        const seen = JSON.stringify(echo);
        assert.ok(!seen.includes(SECRET) && !expectedCredentials(schemes).some((c) => seen.includes(c)), seen);
        assert.match(echo.target, /page=2/);
        checkMethodAndBody(echo, status);
      });
    }
  }

  test("an https -> http downgrade carries no credential, whatever the scheme", async () => {
    for (const schemes of Object.values(SCHEMES)) {
      const sent = [];
      const fetch = async (url, init) => {
        sent.push({ url, headers: init.headers });
        return sent.length === 1
          ? new Response(null, { status: 301, headers: { location: "http://api.example.test/v1/files" } })
          : new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
      };
      const client = core("https://api.example.test", { schemes, fetch });
      await client.request({ method: "GET", path: "/v1/files", responseKind: "json" });
      const first = JSON.stringify(sent[0]);
      assert.ok(expectedCredentials(schemes).every((credential) => first.includes(credential)), first);
      assert.equal(sent[1].url, "http://api.example.test/v1/files");
      const second = JSON.stringify(sent[1]);
      assert.ok(!second.includes(SECRET) && !expectedCredentials(schemes).some((c) => second.includes(c)), second);
    }
  });

  test("redirects are bounded", async () => {
    const client = core(origin(FIRST));
    const request = client.request({ method: "GET", path: `/redirect/302/${FIRST}/loop`, responseKind: "json" });
    await assert.rejects(request, (error) => error instanceof errors.APIConnectionError && /more than 10 redirects/.test(error.message));
  });
});

function get(path, settings = {}, responseKind = "json") {
  return core(origin(FIRST), settings).request({ method: "GET", path, responseKind });
}

const connectionError = (error) => error instanceof errors.APIConnectionError && !(error instanceof errors.APITimeoutError);

describe("faults", { concurrency: true, timeout: 20000 }, () => {
  for (const fault of ["reset-before", "reset-during", "truncated"]) {
    test(`${fault} once: a GET is retried`, async () => {
      const { data } = await get(`/fault/${fault}/once?fail=1`, { maxRetries: 1 });
      assert.equal(data.method, "GET");
    });
  }

  test("reset during the body every time: a connection error after the retries", async () => {
    await assert.rejects(get("/fault/reset-during/always", { maxRetries: 1 }), connectionError);
  });

  test("a POST cut in its body is not repeated", async () => {
    const client = core(origin(FIRST), { maxRetries: 2 });
    const spec = { method: "POST", path: "/fault/reset-during/post", query: { fail: "1" }, body: {}, bodyKind: "json", responseKind: "json" };
    await assert.rejects(client.request(spec), connectionError);
  });

  for (const [fault, raw] of [["not-json", SECRET_PAGE], ["broken-json", '{"id": "x", "object": ']]) {
    test(`${fault}: a body that is not the declared JSON is a typed error`, async () => {
      await assert.rejects(get(`/fault/${fault}/declared`), (error) => {
        assert.ok(error instanceof errors.ResponseValidationError && error instanceof errors.SdkError);
        assert.deepEqual([error.statusCode, error.requestId, error.body], [200, "req_page", raw]);
        assert.ok(error.headers.get("content-type") !== null && error.message.includes(raw.slice(0, 20)));
        return true;
      });
    });
  }

  test("a body declared as text is returned as sent", async () => {
    assert.equal((await get("/fault/not-json/text", {}, "text")).data, SECRET_PAGE);
  });

  test("JSON that drifts from the spec is returned as sent, never validated", async () => {
    assert.equal((await get("/echo")).data.port, FIRST);
  });

  for (const fault of ["stall-headers", "stall-body"]) {
    test(`${fault}: a timeout error`, async () => {
      await assert.rejects(get(`/fault/${fault}/timeout`, { timeoutInSeconds: 0.3 }), errors.APITimeoutError);
    });
  }

  test("a Retry-After of an hour is not waited for", async () => {
    const { data } = await get("/fault/retry-after-hour/capped?fail=1", { maxRetries: 1 });
    assert.equal(data.method, "GET");
  });

  test("a refused connection: retried, then a connection error", async () => {
    const client = core(process.env.REFUSED_URL, { maxRetries: 1 });
    const spec = { method: "POST", path: "/anything", body: {}, bodyKind: "json", responseKind: "json" };
    await assert.rejects(client.request(spec), connectionError);
  });

  test("headers too large to read: a connection error", async () => {
    await assert.rejects(get("/fault/huge-header/once"), connectionError);
  });

  for (const fault of ["huge-error", "huge-html-error"]) {
    test(`${fault}: a short message, the whole body kept`, async () => {
      await assert.rejects(get(`/fault/${fault}/big`), (error) => {
        assert.ok(error instanceof errors.InternalServerError);
        assert.ok(error.message.length < 2500, `message of ${error.message.length} characters`);
        const body = typeof error.body === "string" ? error.body : error.body.message;
        assert.ok(body.length >= 20 * 1024 * 1024);
        return true;
      });
    });
  }
});
