import type { DataSpec, PrimitiveValue } from "@aspen/core/browser";

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
 * Parses what was typed or chosen (always a string in the form) into the property's type, with the
 * thing model's rules; `value` is undefined for an empty optional field.
 */
export function parseTypedValue(field: ValueField, raw: string): ParsedValue {
  const text = field.type === "string" ? raw : raw.trim();
  if (text === "") return field.required ? { ok: false, issue: { key: "required" } } : { ok: true, value: undefined };
  switch (field.type) {
    case "int":
    case "float": {
      const n = Number(text);
      if (!Number.isFinite(n)) return { ok: false, issue: { key: "notNumber" } };
      if (field.type === "int" && !Number.isInteger(n)) return { ok: false, issue: { key: "notInteger" } };
      if (field.min !== undefined && n < field.min) return { ok: false, issue: { key: "min", limit: field.min } };
      if (field.max !== undefined && n > field.max) return { ok: false, issue: { key: "max", limit: field.max } };
      return { ok: true, value: n };
    }
    case "bool":
      if (text === "true" || text === "false") return { ok: true, value: text === "true" };
      return { ok: false, issue: { key: "chooseValue" } };
    case "enum":
      if ((field.enumValues ?? []).includes(text)) return { ok: true, value: text };
      return { ok: false, issue: { key: "chooseValue" } };
    case "string":
      if (field.maxLength !== undefined && text.length > field.maxLength) return { ok: false, issue: { key: "tooLong", limit: field.maxLength } };
      return { ok: true, value: text };
  }
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
