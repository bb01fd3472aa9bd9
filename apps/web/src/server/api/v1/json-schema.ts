import { z } from "zod";

export type JsonSchema = Record<string, unknown>;

/**
 * zod → JSON Schema (2020-12, what OpenAPI 3.1 uses) for the REST document. The one place REST's wire
 * format differs from the services' types: a `z.date()` is sent as an ISO 8601 string (JSON.stringify
 * writes Dates that way), so it is documented as `string` / `date-time`.
 */
export function toJsonSchema(schema: z.ZodType, io: "input" | "output", defs: Record<string, JsonSchema>): JsonSchema {
  const out = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    override: (ctx) => {
      const def = (ctx.zodSchema as { _zod: { def: { type: string } } })._zod.def;
      if (def.type === "date") {
        ctx.jsonSchema.type = "string";
        ctx.jsonSchema.format = "date-time";
      }
    },
  }) as JsonSchema;
  delete out.$schema;
  // Named schemas (`.meta({ id })`) become components; their refs are rewritten to point there.
  const local = out.$defs as Record<string, JsonSchema> | undefined;
  delete out.$defs;
  const rewritten = rewriteRefs(out) as JsonSchema;
  if (local) for (const [id, s] of Object.entries(local)) defs[id] = rewriteRefs(s) as JsonSchema;
  return rewritten;
}

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node && typeof node === "object") {
    const o: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      o[k] = k === "$ref" && typeof v === "string" ? v.replace(/^#\/\$defs\//, "#/components/schemas/") : rewriteRefs(v);
    }
    return o;
  }
  return node;
}
