// Helpers of the TypeScript SDK's behaviour tests: the built SDK, and a scripted local server.
import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";

export const sdk = await import(pathToFileURL(path.join(process.env.SDK_DIST, "index.js")).href);
export const SPEC_URL = process.env.SPEC_SERVER_URL;
export const TOKEN = process.env.SPEC_SERVER_TOKEN;
export const API_VERSION = process.env.SPEC_SERVER_API_VERSION;

/** A server on 127.0.0.1 answering from `script` in order: [status, body, headers?, delayMs?]. */
export async function scripted(script) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      requests.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks) });
      const [status, body, headers = {}, delay = 0] = script[Math.min(requests.length - 1, script.length - 1)];
      setTimeout(() => {
        if (res.destroyed) return;
        res.writeHead(status, { "content-type": "application/json", "x-request-id": `req_${requests.length}`, ...headers });
        res.end(body === undefined ? "" : JSON.stringify(body));
      }, delay);
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${server.address().port}`;
  const client = (options = {}) =>
    new sdk.ExtendClient({ token: "t", baseUrl: url, maxRetries: 2, ...options });
  return {
    url,
    requests,
    client,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

export function specClient(options = {}) {
  return new sdk.ExtendClient({ token: TOKEN, baseUrl: SPEC_URL, apiVersion: API_VERSION, ...options });
}

/**
 * A `fetch` answering from `script` in order, with no clock in it: "hang" never answers and
 * fails only when the call's signal aborts (as fetch does on a timeout or an abort);
 * [status, body] answers at once. `calls` records each call's method and URL.
 */
export function scriptedFetch(script) {
  const calls = [];
  const fetch = (input, init) => {
    calls.push({ method: init.method, url: String(input) });
    const step = script[Math.min(calls.length - 1, script.length - 1)];
    if (step === "hang") {
      return new Promise((_resolve, reject) => {
        const fail = () => reject(init.signal.reason ?? new DOMException("aborted", "AbortError"));
        if (init.signal.aborted) fail();
        else init.signal.addEventListener("abort", fail, { once: true });
      });
    }
    const [status, body] = step;
    const headers = { "content-type": "application/json" };
    return Promise.resolve(new Response(JSON.stringify(body), { status, headers }));
  };
  const client = (options = {}) =>
    new sdk.ExtendClient({ token: "t", baseUrl: "http://sdk.test", maxRetries: 2, fetch, ...options });
  return { calls, client };
}
