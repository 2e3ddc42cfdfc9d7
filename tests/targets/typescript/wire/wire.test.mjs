// Every parameter style and nested body of tests/support/wire_spec.py through the TypeScript
// SDK, against the spec-checking server; test_wire.py compares what arrived.
import path from "node:path";
import test from "node:test";
import { pathToFileURL } from "node:url";

const sdk = await import(pathToFileURL(path.join(process.env.SDK_DIST, "index.js")).href);
const client = new sdk.WireClient({ baseUrl: process.env.SPEC_SERVER_URL, maxRetries: 0 });

test("path styles", async () => {
  await client.simpleLabelMatrix.retrieve([1, 2], ["red", "blue"], { x: 3, y: 4 });
});

test("query, header and cookie styles", async () => {
  await client.search.list({
    tags: ["a", "b"], opt_fields: ["name", "email"], words: ["x", "y"], pipes: [1, 2],
    metadata: { key1: "abc" }, created: { gte: 10 }, expand: ["customer", "invoice"],
    archived: false, "X-Dry-Run": true, "X-Ids": [4, 5], session: true,
  });
});

test("binary response", async () => {
  await client.invoicePdf.list("in_1");
});

test("raw body of a named media type", async () => {
  await client.avatars.update("me", { body: new Uint8Array([255, 216, 255]) });
});

test("json body of a named media type", async () => {
  await client.configs.update("web", { replicas: 3 });
});

test("nested form body", async () => {
  await client.customers.create({
    name: "Ada", active: true, address: { city: "Berlin", lines: ["Main 1", "Floor 2"] },
    preferred_locales: ["de", "en"], tax_ids: [{ type: "eu_vat", value: "DE1" }],
    flags: ["a", "b"], labels: ["x", "y"], extra: { n: 1 },
  });
});

test("nested multipart body", async () => {
  await client.files.create({
    file: new File(["first"], "a.txt"), attachments: [new File(["second"], "b.txt")],
    purpose: "evidence", link_data: { create: true, expires_at: 5 },
    settings: { public: false, title: "T" }, tags: ["x", "y"],
  });
});

test("readOnly required is not asked of a request", async () => {
  await client.incidents.create({
    incident: { type: "incident", title: "Down", service: { type: "service_reference" } },
  });
});
