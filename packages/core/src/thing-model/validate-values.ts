import type { z } from "zod";
import type { PrimitiveValue } from "./value-schema";

export type UnknownKeys = "reject" | "keep";

export interface ValueError {
  key: string;
  reason: string;
}

export interface ValidatedValues {
  valid: Record<string, PrimitiveValue>;
  errors: ValueError[];
}

const maxUnknownKeyLength = 128;

function isPrimitive(v: unknown): v is PrimitiveValue {
  return typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));
}

/** Checks each key on its own so that one bad value does not drop the good ones. */
export function validateValues(
  schemas: ReadonlyMap<string, z.ZodType<PrimitiveValue>>,
  unknownKeys: UnknownKeys,
  values: Record<string, unknown>,
): ValidatedValues {
  const valid: Record<string, PrimitiveValue> = {};
  const errors: ValueError[] = [];
  if (typeof values !== "object" || values === null || Array.isArray(values)) {
    return { valid, errors: [{ key: "", reason: "expected an object of key/value pairs" }] };
  }
  for (const key of Object.keys(values)) {
    const value = values[key];
    const schema = schemas.get(key);
    if (schema) {
      const result = schema.safeParse(value);
      if (result.success) valid[key] = result.data;
      else errors.push({ key, reason: result.error.issues[0]?.message ?? "invalid value" });
    } else if (unknownKeys === "reject") {
      errors.push({ key, reason: "unknown key" });
    } else if (key === "__proto__") {
      errors.push({ key, reason: "reserved key" });
    } else if (key.length === 0 || key.length > maxUnknownKeyLength) {
      errors.push({ key, reason: `key must be 1 to ${maxUnknownKeyLength} characters` });
    } else if (!isPrimitive(value)) {
      errors.push({ key, reason: "unsupported value: expected a number, boolean or string" });
    } else {
      valid[key] = value;
    }
  }
  return { valid, errors };
}
