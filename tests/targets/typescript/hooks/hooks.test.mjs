// The TypeScript runtime's request hooks against a scripted server on 127.0.0.1
// (tests/support/fault_server.py): a header added, a request signed, every attempt of a retried
// call seen, each failed attempt shown to onError as the error it raises.
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import path from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";

const dist = process.env.RUNTIME_DIST;
const { Core } = await import(pathToFileURL(path.join(dist, "core.js")).href);
const errors = await import(pathToFileURL(path.join(dist, "errors.js")).href);
const { Security } = await import(pathToFileURL(path.join(dist, "auth.js")).href);
const BEARER = [{ name: "bearer", kind: "bearer", options: ["token"], env: [undefined] }];
const BASE = `http://127.0.0.1:${process.env.FAULT_A}`;
const KEY = "signing-key";

function core(hooks, maxRetries = 2) {
  return new Core({
    baseUrl: BASE, security: new Security(BEARER, { bearer: ["t0ken"] }, undefined, undefined, [["bearer"]]),
    clientHeaders: {}, headers: undefined, timeoutInSeconds: 10, maxRetries, fetch: undefined,
    userAgent: "hooks-test", hooks,
  });
}

const signature = (method, target, body) =>
  createHmac("sha256", KEY).update(`${method} ${target}\n${body}`).digest("hex");

test("a before hook adds a header and signs the body", async () => {
  const hooks = {
    beforeRequest: [
      (request) => { request.headers["x-tenant"] = "acme"; },
      async (request) => {
        const target = new URL(request.url).pathname;
        request.headers["x-signature"] = signature(request.method, target, request.body);
      },
    ],
  };
  const echo = (await core(hooks).request({ method: "POST", path: "/echo", body: { a: 1 }, bodyKind: "json", responseKind: "json" })).data;
  assert.equal(echo.headers["x-tenant"], "acme");
  assert.equal(echo.headers["x-signature"], signature("POST", "/echo", echo.body));
  assert.equal(echo.headers["authorization"], "Bearer t0ken");
});

test("every attempt of a retried call reaches the hooks", async () => {
  const log = [];
  const hooks = {
    beforeRequest: [(request) => { log.push(`send ${new URL(request.url).pathname}`); }],
    afterResponse: [(request, response) => { log.push(`got ${response.status}`); }],
    onError: [(request, error) => { log.push(`error ${error.constructor.name}`); }],
  };
  const where = "/fault/reset-before/ts-retry";
  await core(hooks).request({ method: "GET", path: `${where}?fail=1`, responseKind: "json" });
  assert.deepEqual(log, [`send ${where}`, "error APIConnectionError", `send ${where}`, "got 200"]);
});

test("an error status reaches onError as the error thrown", async () => {
  const seen = [];
  const hooks = { onError: [(request, error) => { seen.push(error); }] };
  await assert.rejects(
    core(hooks, 0).request({ method: "GET", path: "/fault/retry-after-hour/ts", responseKind: "json" }),
    (error) => error instanceof errors.InternalServerError && seen.length === 1 && seen[0] === error,
  );
});
