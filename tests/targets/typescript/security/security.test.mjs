// Credentials per operation through the TypeScript SDK of tests/support/security_spec.py: a
// recording `fetch` shows what each call sends; the spec-checking server (SPEC_SERVER_URL,
// started with the credentials below) checks every scheme.
import assert from "node:assert/strict";
import path from "node:path";
import test from "node:test";
import { pathToFileURL } from "node:url";

const sdk = await import(pathToFileURL(path.join(process.env.SDK_DIST, "index.js")).href);
const SERVER = process.env.SPEC_SERVER_URL;

/** A fetch that records each request; a token endpoint hands out token-1, token-2, ...;
 * a call whose URL says `refuse` is refused with a 401 while it carries token-1. */
function recorder(expiresIn = 3600) {
  const sent = [];
  let issued = 0;
  const fetch = async (url, init) => {
    sent.push({ url, headers: init.headers, body: init.body });
    await new Promise((resolve) => setTimeout(resolve, 5)); // concurrent first calls meet here
    if (new URL(url).pathname === "/oauth/token") {
      issued += 1;
      return Response.json({ access_token: `token-${issued}`, expires_in: expiresIn });
    }
    if (url.includes("refuse") && init.headers.authorization === "Bearer token-1") {
      return Response.json({ error: "expired" }, { status: 401 });
    }
    return Response.json({});
  };
  return { sent, fetch };
}

const basic = (pair) => `Basic ${btoa(pair)}`;

test("Stripe: a key alone for basic is the username with an empty password", async () => {
  const { sent, fetch } = recorder();
  await new sdk.VaultClient({ username: "sk_test_123", fetch }).charges.list();
  assert.equal(sent[0].headers.authorization, basic("sk_test_123:"));
});

test("alternatives in document order among what is configured", async () => {
  const { sent, fetch } = recorder();
  await new sdk.VaultClient({ token: "sk_test_123", fetch }).charges.list();
  await new sdk.VaultClient({ username: "u", password: "p", token: "t", fetch }).charges.list();
  assert.deepEqual(sent.map((r) => r.headers.authorization), ["Bearer sk_test_123", basic("u:p")]);
});

test("Plaid: a requirement of two keys sends both, and only them", async () => {
  const { sent, fetch } = recorder();
  await new sdk.VaultClient({ token: "t", plaidClientId: "id-1", plaidSecret: "s-1", fetch }).link.list();
  assert.equal(sent[0].headers["plaid-client-id"], "id-1");
  assert.equal(sent[0].headers["plaid-secret"], "s-1");
  assert.equal(sent[0].headers.authorization, undefined);
  const half = new sdk.VaultClient({ plaidClientId: "id-1", fetch });
  await assert.rejects(half.link.list(), (e) => e instanceof sdk.ConfigurationError && /`plaidSecret`/.test(e.message));
});

test("security: [] sends nothing and needs no credentials; optional keys go when configured", async () => {
  const { sent, fetch } = recorder();
  await new sdk.VaultClient({ fetch }).status.list();
  await new sdk.VaultClient({ token: "t", apiKey: "k", fetch }).status.list();
  await new sdk.VaultClient({ fetch }).catalog.list();
  await new sdk.VaultClient({ apiKey: "k-1", fetch }).catalog.list();
  assert.deepEqual(sent.map((r) => [r.headers.authorization, new URL(r.url).searchParams.get("api_key")]), [
    [undefined, null], [undefined, null], [undefined, null], [undefined, "k-1"],
  ]);
  await assert.rejects(new sdk.VaultClient({ fetch }).charges.list(), sdk.ConfigurationError);
});

test("a cookie key and OpenID Connect", async () => {
  const { sent, fetch } = recorder();
  const client = new sdk.VaultClient({ sessionId: "c 1", oidcToken: "id-tok", fetch });
  await client.session.list();
  await client.profile.list();
  assert.equal(sent[0].headers.cookie, "session_id=c%201");
  assert.equal(sent[1].headers.authorization, "Bearer id-tok");
});

test("OAuth2: one token for concurrent first calls, kept, refreshed once on a 401", async () => {
  const { sent, fetch } = recorder();
  const client = new sdk.VaultClient({ clientId: "app", clientSecret: "pw", fetch });
  await Promise.all(Array.from({ length: 6 }, () => client.reports.list()));
  const fetches = sent.filter((r) => new URL(r.url).pathname === "/oauth/token");
  assert.equal(fetches.length, 1);
  assert.equal(fetches[0].url, "https://us.vault.test/oauth/token");
  assert.equal(fetches[0].headers.authorization, basic("app:pw"));
  assert.equal(String(fetches[0].body), "grant_type=client_credentials&scope=reports%3Aread");
  assert.ok(sent.filter((r) => r.url.endsWith("/v1/reports")).every((r) => r.headers.authorization === "Bearer token-1"));
  const refused = recorder();
  const again = new sdk.VaultClient({ clientId: "app", clientSecret: "pw", fetch: refused.fetch, baseUrl: "https://h.test/refuse" });
  await again.reports.list();
  assert.deepEqual(refused.sent.map((r) => r.headers.authorization), [basic("app:pw"), "Bearer token-1", basic("app:pw"), "Bearer token-2"]);
});

test("OAuth2: a token is fetched again shortly before it expires", async () => {
  const auth = await import(pathToFileURL(path.join(process.env.SDK_DIST, "runtime", "auth.js")).href);
  let now = 1_000_000;
  const scheme = { name: "oauth", kind: "oauth2", options: [], env: [], tokenUrl: "/oauth/token" };
  const tokens = new auth.OAuth2Tokens(scheme, "app", "pw", () => now);
  const { fetch } = recorder(100);
  assert.equal(await tokens.get(fetch, "https://x.test"), "token-1");
  now += 60_000; // 40 s left: more than the 30 s margin
  assert.equal(await tokens.get(fetch, "https://x.test"), "token-1");
  now += 15_000; // 25 s left
  assert.equal(await tokens.get(fetch, "https://x.test"), "token-2");
});

test("server variables: defaults, options, enum checked", () => {
  assert.equal(new sdk.VaultClient({}).baseUrl, "https://us.vault.test/v1");
  assert.equal(new sdk.VaultClient({ region: "eu", base: "v2" }).baseUrl, "https://eu.vault.test/v2");
  assert.throws(() => new sdk.VaultClient({ region: "mars" }), sdk.ConfigurationError);
});

test("the spec-checking server accepts each operation's credentials", async () => {
  const client = new sdk.VaultClient({
    baseUrl: SERVER, username: "sk_test_123", plaidClientId: "id-1", plaidSecret: "s-1",
    apiKey: "k", sessionId: "c", oidcToken: "o", maxRetries: 0,
  });
  for (const resource of ["charges", "link", "status", "catalog", "session", "profile"]) {
    await client[resource].list();
  }
  const wrong = new sdk.VaultClient({ baseUrl: SERVER, username: "sk_test_123", password: "x", maxRetries: 0 });
  await assert.rejects(wrong.charges.list(), sdk.BadRequestError);
});
