/** Hand-written code of the Extend SDK: the generator never writes or deletes this folder. */
export { ExtractionFailedError, ExtractionOutputError, TypedExtraction, extractTyped, readRun } from "./extraction.js";
export type { ExtractedValue, FromSchema, JsonLiteral, JsonSchema, ObjectSchema, SchemaTypeName } from "./schema.js";
export { schemaProblems } from "./validate.js";
