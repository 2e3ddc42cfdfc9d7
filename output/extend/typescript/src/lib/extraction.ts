/**
 * Typed extraction: a JSON Schema becomes the extraction config, and the run's output comes
 * back typed by that schema. Hand-written: the generator never writes or deletes `src/lib/`.
 *
 *     const result = await client.extractTyped({ url: "https://example.com/invoice.pdf" }, {
 *       type: "object",
 *       properties: { invoiceNumber: { type: "string" }, total: { type: "number" } },
 *     });
 *     result.value.total;            // number | null: null when the extractor could not fill it
 *     result.confidence("total");    // the field's OCR confidence, when the API gave one
 *     result.citations("total");     // where in the document the value came from
 */

import type { ExtendClient } from "../client.js";
import type { Citation, ExtractOutputJson, ExtractOutputMetadataValue, ExtractRun, FileInput } from "../models.js";
import type { RequestOptions } from "../runtime/core.js";
import { SdkError } from "../runtime/errors.js";
import type { PollingOptions } from "../runtime/polling.js";
import type { ExtractedValue, ObjectSchema } from "./schema.js";
import { schemaProblems } from "./validate.js";

/** The run ended without an output to read (FAILED, CANCELLED, or no JSON Schema output). */
export class ExtractionFailedError extends SdkError {
  readonly run: ExtractRun;

  constructor(run: ExtractRun) {
    const reason = run.failureMessage ?? run.failureReason ?? "no JSON output";
    super(`extract run ${run.id} ended ${run.status}: ${reason}`);
    this.run = run;
  }
}

/** The run's output does not hold what the schema says; `problems` name each place. */
export class ExtractionOutputError extends SdkError {
  readonly run: ExtractRun;
  readonly problems: readonly string[];

  constructor(run: ExtractRun, problems: readonly string[]) {
    super(`extract run ${run.id}: the output does not match the schema: ${problems.join("; ")}`);
    this.run = run;
    this.problems = problems;
  }
}

/** The run's output typed by `S`, with each field's confidence and citations. */
export class TypedExtraction<S extends ObjectSchema> {
  readonly value: ExtractedValue<S>;
  readonly metadata: { readonly [field: string]: ExtractOutputMetadataValue };
  readonly run: ExtractRun;

  constructor(value: ExtractedValue<S>, metadata: { [field: string]: ExtractOutputMetadataValue }, run: ExtractRun) {
    this.value = value;
    this.metadata = metadata;
    this.run = run;
  }

  /** The OCR confidence of one field, when the API gave one. */
  confidence(field: keyof S["properties"] & string): number | undefined {
    return this.metadata[field]?.ocrConfidence;
  }

  /** Where in the document one field's value came from. */
  citations(field: keyof S["properties"] & string): Citation[] {
    return [...(this.metadata[field]?.citations ?? [])];
  }
}

function jsonOutput(run: ExtractRun): ExtractOutputJson | undefined {
  const output = run.output as Partial<ExtractOutputJson> | null | undefined;
  const isMap = (found: unknown): boolean => typeof found === "object" && found !== null && !Array.isArray(found);
  return output && isMap(output.value) && isMap(output.metadata) ? (output as ExtractOutputJson) : undefined;
}

/** The run's output typed by `schema`; a field the extractor left out is `null`. */
export function readRun<S extends ObjectSchema>(run: ExtractRun, schema: S): TypedExtraction<S> {
  const output = jsonOutput(run);
  if (run.status !== "PROCESSED" || output === undefined) {
    throw new ExtractionFailedError(run);
  }
  const value: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [name, property] of Object.entries(schema.properties)) {
    const found = output.value[name] ?? null;
    value[name] = found;
    if (found !== null) problems.push(...schemaProblems(found, property, `/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`));
  }
  if (problems.length > 0) {
    throw new ExtractionOutputError(run, problems);
  }
  return new TypedExtraction<S>(value as ExtractedValue<S>, output.metadata, run);
}

/** Extract `file` (by URL, Extend file id or raw text) into `schema`, waiting for the run. */
export async function extractTyped<S extends ObjectSchema>(
  client: ExtendClient,
  file: FileInput,
  schema: S,
  options?: RequestOptions & PollingOptions,
): Promise<TypedExtraction<S>> {
  const config = { schema: schema as unknown as { [key: string]: unknown } };
  const run = await client.extractRuns.createAndPoll({ file, config }, options);
  return readRun(run, schema);
}
