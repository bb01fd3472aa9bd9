import { z } from "zod";
import type { DataSpec } from "./data-spec";

/** A value a device may send for a property or parameter. */
export type PrimitiveValue = number | boolean | string;

/** The zod schema of one value of a property or parameter, with reasons a device developer can act on. */
export function valueSchema(spec: DataSpec): z.ZodType<PrimitiveValue> {
  switch (spec.type) {
    case "int":
    case "float": {
      const int = spec.type === "int";
      let s = z.number({ error: int ? "expected an integer" : "expected a number" });
      if (int) s = s.int({ error: "expected an integer" });
      if (spec.min !== undefined) s = s.min(spec.min, { error: `must be ≥ ${spec.min}` });
      if (spec.max !== undefined) s = s.max(spec.max, { error: `must be ≤ ${spec.max}` });
      return s;
    }
    case "bool":
      return z.boolean({ error: "expected true or false" });
    case "string": {
      const s = z.string({ error: "expected a string" });
      return spec.maxLength === undefined ? s : s.max(spec.maxLength, { error: `must be at most ${spec.maxLength} characters` });
    }
    case "enum": {
      const values = spec.enumValues ?? [];
      const [first, ...rest] = values;
      // A parsed model always has values; a hand-built one without any accepts nothing.
      if (first === undefined) return z.never({ error: "no value is allowed (enum has no values)" });
      return z.enum([first, ...rest], { error: `must be one of: ${values.join(", ")}` });
    }
  }
}
