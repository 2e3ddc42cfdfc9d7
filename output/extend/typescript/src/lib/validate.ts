/**
 * Checks a value against the keywords `FromSchema` reads, so a value typed by a schema holds
 * what its type says. Hand-written: the generator never writes or deletes `src/lib/`.
 */

import type { JsonSchema, SchemaTypeName } from "./schema.js";

function typeNameOf(value: unknown): SchemaTypeName | "other" {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "string" || typeof value === "boolean" || typeof value === "object") return typeof value as SchemaTypeName;
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return "other";
}

function allowedNames(schema: JsonSchema): readonly SchemaTypeName[] | undefined {
  const { type } = schema;
  if (type === undefined) return undefined;
  const names: SchemaTypeName[] = typeof type === "string" ? [type] : [...type];
  return schema.nullable === true ? [...names, "null"] : names;
}

function typeMatches(actual: SchemaTypeName | "other", allowed: readonly SchemaTypeName[]): boolean {
  return allowed.includes(actual as SchemaTypeName) || (actual === "integer" && allowed.includes("number"));
}

/** The JSON pointer of `name` under `pointer` (RFC 6901 escapes). */
function child(pointer: string, name: string | number): string {
  return `${pointer}/${String(name).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

function objectProblems(value: Record<string, unknown>, schema: JsonSchema, pointer: string): string[] {
  const problems: string[] = [];
  for (const name of schema.required ?? []) {
    if (value[name] === undefined) problems.push(`${child(pointer, name)}: required, missing`);
  }
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    if (value[name] !== undefined) problems.push(...schemaProblems(value[name], property, child(pointer, name)));
  }
  return problems;
}

/** Where `value` breaks `schema`, one message per place, each starting with its JSON pointer. */
export function schemaProblems(value: unknown, schema: JsonSchema, pointer = ""): string[] {
  if (schema.nullable === true && value === null) return [];
  if (schema.const !== undefined && value !== schema.const) {
    return [`${pointer || "/"}: ${JSON.stringify(value)} is not ${JSON.stringify(schema.const)}`];
  }
  if (schema.enum !== undefined && !schema.enum.includes(value as never)) {
    return [`${pointer || "/"}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`];
  }
  const actual = typeNameOf(value);
  const allowed = allowedNames(schema);
  if (allowed !== undefined && !typeMatches(actual, allowed)) {
    return [`${pointer || "/"}: a ${actual} where the schema says ${allowed.join(" or ")}`];
  }
  if (actual === "array" && schema.items !== undefined) {
    const items = schema.items;
    return (value as unknown[]).flatMap((item, index) => schemaProblems(item, items, child(pointer, index)));
  }
  if (actual === "object") return objectProblems(value as Record<string, unknown>, schema, pointer);
  return [];
}
