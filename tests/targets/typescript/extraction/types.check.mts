// Type-level proof of `FromSchema` and `client.extractTyped`: compiled by `tsc --strict --noEmit`
// (test_typed_extraction.py). Each `Equal` line fails to compile when the inferred type is not
// exactly the one written; each `@ts-expect-error` line fails to compile when a wrong type is
// accepted, so the check cannot pass by accepting everything.
import { ExtendClient, type ExtractedValue, type FromSchema, type TypedExtraction } from "../../../../output/extend/typescript/src/index.js";

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function assertType<T extends true>(_proof: T): void {}

const Invoice = {
  type: "object",
  properties: {
    invoiceNumber: { type: "string", description: "As printed" },
    total: { type: ["number", "null"] },
    pages: { type: "integer" },
    paid: { type: "boolean" },
    currency: { enum: ["USD", "EUR"] },
    kind: { const: "invoice" },
    dueDate: { type: "string", nullable: true },
    tags: { type: "array", items: { type: "string" } },
    lines: {
      type: "array",
      items: {
        type: "object",
        properties: { sku: { type: "string" }, quantity: { type: "integer" } },
        required: ["sku"],
      },
    },
    vendor: { type: "object", properties: { name: { type: "string" } }, required: ["name"] },
    extra: { description: "no type: anything" },
  },
  required: ["invoiceNumber", "total"],
} as const;

type Line = { sku: string; quantity?: number };
type Expected = {
  invoiceNumber: string;
  total: number | null;
  pages?: number;
  paid?: boolean;
  currency?: "USD" | "EUR";
  kind?: "invoice";
  dueDate?: string | null;
  tags?: string[];
  lines?: Line[];
  vendor?: { name: string };
  extra?: unknown;
};
assertType<Equal<FromSchema<typeof Invoice>, Expected>>(true);
// @ts-expect-error: `total` may be null, so a plain number is not the inferred type
assertType<Equal<FromSchema<typeof Invoice>, Omit<Expected, "total"> & { total: number }>>(true);

// What an extraction gives: every root field present, null when the extractor could not fill it.
type Extracted = {
  invoiceNumber: string | null;
  total: number | null;
  pages: number | null;
  paid: boolean | null;
  currency: "USD" | "EUR" | null;
  kind: "invoice" | null;
  dueDate: string | null;
  tags: string[] | null;
  lines: Line[] | null;
  vendor: { name: string } | null;
  extra: unknown;
};
assertType<Equal<ExtractedValue<typeof Invoice>, Extracted>>(true);
// @ts-expect-error: an unfilled field is null, so `invoiceNumber` is not a plain string
assertType<Equal<ExtractedValue<typeof Invoice>, Omit<Extracted, "invoiceNumber"> & { invoiceNumber: string }>>(true);

// The client method infers the same from a literal written in the call (a `const` type parameter).
async function inferredAtTheCall(client: ExtendClient): Promise<void> {
  const result = await client.extractTyped({ url: "https://x.test/a.pdf" }, {
    type: "object",
    properties: { total: { type: "number" }, vendor: { type: "string", nullable: true } },
  });
  assertType<Equal<typeof result.value, { total: number | null; vendor: string | null }>>(true);
  const confidence: number | undefined = result.confidence("total");
  // @ts-expect-error: `confidence` takes only the schema's own fields
  result.confidence("subtotal");
  const typed: TypedExtraction<typeof Invoice> = await client.extractTyped({ text: "Total: 12.50" }, Invoice);
  assertType<Equal<typeof typed.value.lines, Line[] | null>>(true);
  // @ts-expect-error: the root of an extraction schema must be an object
  await client.extractTyped({ url: "https://x.test/a.pdf" }, { type: "string" });
  void confidence;
}
void inferredAtTheCall;
