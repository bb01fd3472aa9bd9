import type { z } from "zod";
import { reasonOfIssue, type ThingModelReason } from "./reasons";
import { thingModelSchema, type ThingModel } from "./schema";

export interface ThingModelError {
  /** Where the problem is, e.g. `properties[2].max`; empty for the model itself. */
  path: string;
  /** In English. */
  message: string;
  /** The rule broken, for wording it in another language with `params`. */
  reason: ThingModelReason;
  params: Record<string, string | number>;
}

export type ParseThingModelResult = { ok: true; model: ThingModel } | { ok: false; errors: ThingModelError[] };

/** Turns a zod path into `properties[2].max`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out;
}

// Fallback messages for issues the schema does not word itself.
const errorMap: z.core.$ZodErrorMap = (iss) => {
  if (iss.code === "invalid_type" && iss.input === undefined) return "Required";
  if (iss.code === "unrecognized_keys") {
    const keys = iss.keys.map((k) => `"${k}"`).join(", ");
    return `Unknown field${iss.keys.length > 1 ? "s" : ""} ${keys}`;
  }
  return undefined;
};

/** Validates a thing model from untrusted input and returns it with defaults applied, or readable errors. */
export function parseThingModel(input: unknown): ParseThingModelResult {
  const result = thingModelSchema.safeParse(input, { error: errorMap });
  if (result.success) return { ok: true, model: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message, ...reasonOfIssue(issue) })),
  };
}
