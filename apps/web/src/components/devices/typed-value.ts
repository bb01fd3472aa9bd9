import { valueSchema, type DataSpec, type PrimitiveValue } from "@aspen/core/browser";

/** A value field of a form generated from the thing model (a property or a command parameter). */
export interface ValueField extends DataSpec {
  identifier: string;
  name: string;
  unit?: string | undefined;
  description?: string | undefined;
  /** An empty field is an error (else it is left out). */
  required?: boolean;
}

/** Why a typed value was refused, as a dictionary key (`values.*`) and its placeholders. */
export type ValueIssue =
  | { key: "required" | "notInteger" | "notNumber" | "chooseValue" }
  | { key: "min" | "max"; limit: number }
  | { key: "tooLong"; limit: number };

export type ParsedValue = { ok: true; value: PrimitiveValue | undefined } | { ok: false; issue: ValueIssue };

/**
 * Parses what was typed or chosen (always a string in the form) into the property's type and checks
 * it with the thing model's own value schema (`valueSchema`, what the server and the broker apply);
 * `value` is undefined for an empty optional field.
 */
export function parseTypedValue(field: ValueField, raw: string): ParsedValue {
  const text = field.type === "string" ? raw : raw.trim();
  if (text === "") return field.required ? { ok: false, issue: { key: "required" } } : { ok: true, value: undefined };
  const numeric = field.type === "int" || field.type === "float";
  const candidate = numeric ? Number(text) : field.type === "bool" && (text === "true" || text === "false") ? text === "true" : text;
  const result = valueSchema(field).safeParse(candidate);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  if (issue?.code === "too_small") return { ok: false, issue: { key: "min", limit: Number(issue.minimum) } };
  if (issue?.code === "too_big")
    return { ok: false, issue: { key: field.type === "string" ? "tooLong" : "max", limit: Number(issue.maximum) } };
  if (numeric)
    return { ok: false, issue: { key: issue?.code === "invalid_type" && issue.expected === "int" ? "notInteger" : "notNumber" } };
  return { ok: false, issue: { key: "chooseValue" } };
}

/** The form text of a stored value ("" when unset). */
export function typedValueText(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** Parses every field; `values` holds the non-empty valid ones, `issues` the refused ones by identifier. */
export function parseFields(fields: readonly ValueField[], raw: Record<string, string>) {
  const values: Record<string, PrimitiveValue> = {};
  const issues: Record<string, ValueIssue> = {};
  for (const f of fields) {
    const r = parseTypedValue(f, raw[f.identifier] ?? "");
    if (!r.ok) issues[f.identifier] = r.issue;
    else if (r.value !== undefined) values[f.identifier] = r.value;
  }
  return { values, issues, ok: Object.keys(issues).length === 0 };
}

/** A value as shown in tables: numbers with their unit, booleans and strings as they are. */
export function displayValue(value: unknown, unit?: string | null): string {
  if (value === undefined || value === null) return "—";
  const text = typeof value === "object" ? JSON.stringify(value) : String(value);
  return unit && typeof value === "number" ? `${text} ${unit}` : text;
}
