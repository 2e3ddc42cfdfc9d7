/**
 * JSON Schema as a TypeScript type, and the type a schema describes (`FromSchema`).
 *
 * Hand-written: the generator never writes or deletes `src/lib/`. A schema declared `as const`
 * (or passed straight to `client.extractTyped`, whose type parameter is `const`) keeps its
 * literal types, from which `FromSchema` reads the value's type:
 *
 *     const Invoice = {
 *       type: "object",
 *       properties: {
 *         invoiceNumber: { type: "string" },
 *         total: { type: ["number", "null"] },
 *         currency: { enum: ["USD", "EUR"] },
 *         lines: { type: "array", items: { type: "object", properties: { sku: { type: "string" } }, required: ["sku"] } },
 *       },
 *       required: ["invoiceNumber"],
 *     } as const;
 *     type Invoice = FromSchema<typeof Invoice>;
 *     // { invoiceNumber: string; total?: number | null; currency?: "USD" | "EUR"; lines?: { sku: string }[] }
 *
 * Read: `type` (one name or a list), `properties` with `required`, `items`, `enum`, `const`,
 * and OpenAPI's `nullable: true`. Any other keyword (`description`, `format`, `minimum`) is
 * sent to the API as it is and does not change the type.
 */

/** A JSON Schema type name. */
export type SchemaTypeName = "string" | "number" | "integer" | "boolean" | "object" | "array" | "null";

/** A JSON value an `enum` or `const` may hold. */
export type JsonLiteral = string | number | boolean | null;

/** A JSON Schema, as far as the types of values go; other keywords pass through. */
export interface JsonSchema {
  readonly type?: SchemaTypeName | readonly SchemaTypeName[];
  readonly properties?: { readonly [name: string]: JsonSchema };
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly enum?: readonly JsonLiteral[];
  readonly const?: JsonLiteral;
  readonly nullable?: boolean;
  readonly [keyword: string]: unknown;
}

/** The root of an extraction schema: Extend requires an object. */
export interface ObjectSchema extends JsonSchema {
  readonly type: "object";
  readonly properties: { readonly [name: string]: JsonSchema };
}

/** One object type instead of an intersection of mapped types (what editors and `Equal` see). */
type Flatten<T> = T extends infer O ? { [K in keyof O]: O[K] } : never;

type RequiredNames<S> = S extends { readonly required: readonly (infer N)[] } ? N : never;

type ObjectOf<S> = S extends { readonly properties: infer P }
  ? Flatten<
      { -readonly [K in keyof P as K extends RequiredNames<S> ? K : never]: FromSchema<P[K]> } & {
        -readonly [K in keyof P as K extends RequiredNames<S> ? never : K]?: FromSchema<P[K]>;
      }
    >
  : { [key: string]: unknown };

type ArrayOf<S> = S extends { readonly items: infer I } ? FromSchema<I>[] : unknown[];

/** The type of one type name of `S` (distributes over a union of names). */
type OfTypeName<S, T> = T extends "object"
  ? ObjectOf<S>
  : T extends "array"
    ? ArrayOf<S>
    : T extends "string"
      ? string
      : T extends "number" | "integer"
        ? number
        : T extends "boolean"
          ? boolean
          : T extends "null"
            ? null
            : never;

type NullableOf<S> = S extends { readonly nullable: true } ? null : never;

/** The type of the values `S` describes; `unknown` for a schema that names no type. */
export type FromSchema<S> =
  | (S extends { readonly const: infer C }
      ? C
      : S extends { readonly enum: readonly (infer V)[] }
        ? V
        : S extends { readonly type: infer T }
          ? T extends readonly (infer U)[]
            ? OfTypeName<S, U>
            : OfTypeName<S, T>
          : unknown)
  | NullableOf<S>;

/**
 * What an extraction of `S` gives: every property of the root present, `null` where the
 * extractor could not fill it (whether or not the schema lists it as required).
 */
export type ExtractedValue<S extends ObjectSchema> = {
  -readonly [K in keyof S["properties"]]-?: Exclude<FromSchema<S["properties"][K]>, undefined> | null;
};
