import { describe, expect, it } from "vitest";
import { z } from "zod";
import { appRouter } from "./_app";

/**
 * Every procedure declares its output as a zod object the REST/OpenAPI document can be generated
 * from: representable as JSON Schema (dates as date-time strings), with no `z.any()`.
 */
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { output?: unknown } }>);

const vague = new Set(["any", "custom", "transform", "function", "promise", "map", "set", "bigint", "symbol", "undefined", "void", "nan"]);

function jsonSchemaOf(schema: z.ZodType) {
  return z.toJSONSchema(schema, {
    io: "output",
    // Dates are the one type JSON Schema lacks that outputs may use; anything else fails below.
    unrepresentable: "any",
    override: (ctx) => {
      const type = ctx.zodSchema._zod.def.type;
      if (vague.has(type)) throw new Error(`z.${type}() in an output schema: describe the value`);
      if (type === "date") {
        ctx.jsonSchema.type = "string";
        ctx.jsonSchema.format = "date-time";
      }
    },
  });
}

describe("procedure outputs", () => {
  it("finds the procedures", () => {
    expect(procedures.length).toBeGreaterThan(40);
  });

  it.each(procedures.map(([path, p]) => [path, p._def.output] as const))("%s declares a precise output object", (_path, output) => {
    expect(output).toBeInstanceOf(z.ZodObject);
    const schema = jsonSchemaOf(output as z.ZodType);
    expect(schema.type).toBe("object");
  });
});
