// Calls against the spec-checking server: every request must match the Extend spec (the pytest
// runner fails on any mismatch it recorded), and every response must come back usable.
import assert from "node:assert/strict";
import test from "node:test";
import { sdk, specClient } from "./helpers.mjs";

test("retrieve a file: wire-named fields and a raw response", async () => {
  const client = specClient();
  const file = await client.files.retrieve("file_abc");
  assert.equal(typeof file.id, "string");
  assert.ok("presignedUrl" in file || "name" in file);
  const raw = await client.files.retrieve("file_abc").withRawResponse();
  assert.equal(raw.statusCode, 200);
  assert.ok(raw.headers instanceof Headers);
  assert.equal(typeof raw.requestId, "string");
  assert.equal(raw.data.id, file.id);
});

test("list files: the first page, then every item of the mock's three pages", async () => {
  const client = specClient();
  const page = await client.files.list({ maxPageSize: 5 });
  assert.ok(Array.isArray(page.data));
  assert.equal(page.nextPageToken, "page_1");
  let count = 0;
  for await (const item of client.files.list({ maxPageSize: 5 })) {
    assert.equal(typeof item, "object");
    count += 1;
    assert.ok(count <= 100, "pagination did not end");
  }
  assert.equal(count, page.data.length * 3);
});

test("createAndPoll waits for the mock's run to finish", async () => {
  const client = specClient();
  const run = await client.extractRuns.createAndPoll(
    { extractor: { id: "ex_1" }, file: { url: "https://example.com/a.pdf" } },
    { pollIntervalMs: 10, maxWaitMs: 5000 },
  );
  assert.equal(run.status, "PROCESSED");
});

test("upload a Blob as multipart form data", async () => {
  const client = specClient();
  const blob = new Blob([new Uint8Array([37, 80, 68, 70])], { type: "application/pdf" });
  const file = await client.files.upload({ file: new File([blob], "a.pdf", { type: "application/pdf" }) });
  assert.equal(typeof file.id, "string");
});

test("create an extract run with a JSON body", async () => {
  const client = specClient();
  const run = await client.extractRuns.create({ extractor: { id: "ex_1" }, file: { url: "https://example.com/a.pdf" } });
  assert.equal(typeof run.id, "string");
});

test("path parameters are percent-encoded", async () => {
  const client = specClient();
  const file = await client.files.retrieve("a/b c?d");
  assert.equal(typeof file, "object");
});

test("every resource of the client is reachable", () => {
  const client = specClient();
  for (const name of ["files", "extractRuns", "parseRuns", "classifyRuns", "splitRuns", "workflowRuns"]) {
    assert.equal(typeof client[name], "object", name);
  }
  assert.equal(client.files, client.files);
});

test("a request the server rejects is a typed error with the server's details", async () => {
  const client = specClient({ token: "wrong", maxRetries: 0 });
  await assert.rejects(client.files.retrieve("file_abc"), (error) => {
    assert.ok(error instanceof sdk.BadRequestError);
    assert.ok(error instanceof sdk.ExtendError);
    assert.equal(error.statusCode, 400);
    assert.match(error.message, /Authorization/);
    assert.equal(typeof error.requestId, "string");
    return true;
  });
});
