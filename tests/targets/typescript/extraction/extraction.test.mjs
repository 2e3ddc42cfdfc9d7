// `client.extractTyped` (the Extend SDK's `src/lib/`, wired on by patches) against `sdkgen mock`:
// the mock checks the create request; the harness (test_typed_extraction.py) queues one
// finished run for each of the first three tests as the mock's answer to retrieve, in this
// file's order; the last one is left to the mock's own run (PENDING, PROCESSING, finished).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import test from "node:test";
import { sdk, specClient } from "../node/helpers.mjs";

const schema = JSON.parse(readFileSync(new URL("./invoice.schema.json", import.meta.url), "utf8"));
const FILE = { url: "https://x.test/a.pdf" };
const FAST = { pollIntervalMs: 5, maxWaitMs: 10_000 };

test("the run's output comes back as the schema's fields, unfilled ones null", async () => {
  const result = await specClient().extractTyped(FILE, schema, FAST);
  assert.ok(result instanceof sdk.TypedExtraction);
  assert.deepEqual(result.value, { invoiceNumber: "INV-7", total: 12.5, vendor: null, lines: [{ sku: "A-1" }] });
  assert.equal(result.run.status, "PROCESSED");
  assert.equal(result.confidence("total"), 0.97);
  assert.equal(result.confidence("vendor"), undefined);
  assert.deepEqual(result.citations("total").map((c) => c.referenceText), ["Total: 12.50"]);
  assert.deepEqual(result.citations("vendor"), []);
});

test("a failed run throws ExtractionFailedError with its reason and the run", async () => {
  await assert.rejects(specClient().extractTyped(FILE, schema, FAST), (error) => {
    assert.ok(error instanceof sdk.ExtractionFailedError);
    assert.ok(error instanceof sdk.SdkError);
    assert.match(error.message, /ended FAILED: the file is not a document/);
    assert.equal(error.run.status, "FAILED");
    return true;
  });
});

test("an output that breaks the schema throws ExtractionOutputError naming each place", async () => {
  await assert.rejects(specClient().extractTyped(FILE, schema, FAST), (error) => {
    assert.ok(error instanceof sdk.ExtractionOutputError);
    assert.deepEqual(error.problems, [
      "/total: a string where the schema says number",
      "/lines/0/sku: required, missing",
    ]);
    return true;
  });
});

test("with nothing queued, the run is polled until the mock finishes it", async () => {
  const result = await specClient().extractTyped(FILE, schema, FAST);
  assert.equal(result.run.status, "PROCESSED");
  assert.deepEqual(Object.keys(result.value).sort(), ["invoiceNumber", "lines", "total", "vendor"]);
});
