"use client";

import { Field, Input, Select } from "@aspen/ui";
import { useI18n } from "@/i18n/provider";
import type { Dictionary } from "@/i18n/en";
import type { ValueField, ValueIssue } from "./typed-value";

/** A refused value in the reader's language. */
export function valueIssueText(
  t: Dictionary,
  format: (s: string, v: Record<string, string | number>) => string,
  issue: ValueIssue,
): string {
  return "limit" in issue ? format(t.values[issue.key], { limit: issue.limit }) : t.values[issue.key];
}

function hintOf(t: Dictionary, format: (s: string, v: Record<string, string | number>) => string, f: ValueField): string | undefined {
  const parts: string[] = [];
  if (f.min !== undefined && f.max !== undefined) parts.push(format(t.values.range, { min: f.min, max: f.max }));
  else if (f.min !== undefined) parts.push(format(t.values.atLeast, { min: f.min }));
  else if (f.max !== undefined) parts.push(format(t.values.atMost, { max: f.max }));
  if (f.type === "string" && f.maxLength !== undefined) parts.push(format(t.values.maxChars, { max: f.maxLength }));
  if (f.description) parts.push(f.description);
  return parts.length ? parts.join(" · ") : undefined;
}

/** One input per field, typed by the thing model: numbers, true/false, enum choices or text. */
export function ValueFields({
  fields,
  raw,
  errors,
  onChange,
  testIdPrefix,
  disabled,
}: {
  fields: readonly ValueField[];
  raw: Record<string, string>;
  errors: Record<string, string | undefined>;
  onChange: (identifier: string, text: string) => void;
  testIdPrefix: string;
  disabled?: boolean;
}) {
  const { t, format } = useI18n();
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {fields.map((f) => {
        const testId = `${testIdPrefix}-${f.identifier}`;
        const value = raw[f.identifier] ?? "";
        const label = (
          <>
            {f.name} <span className="font-mono text-xs font-normal text-zinc-500 dark:text-zinc-400">{f.identifier}</span>
            {f.unit ? <span className="text-xs font-normal text-zinc-500 dark:text-zinc-400"> ({f.unit})</span> : null}
            {f.required ? <span className="text-red-600"> *</span> : null}
          </>
        );
        return (
          <Field key={f.identifier} label={label} hint={hintOf(t, format, f)} error={errors[f.identifier]}>
            {(id, describedBy) => {
              const common = { id, "aria-describedby": describedBy, "data-testid": testId, disabled, invalid: !!errors[f.identifier] };
              if (f.type === "bool" || f.type === "enum") {
                const options =
                  f.type === "bool"
                    ? [
                        { value: "true", label: t.values.true },
                        { value: "false", label: t.values.false },
                      ]
                    : (f.enumValues ?? []).map((v) => ({ value: v, label: v }));
                return (
                  <Select
                    {...common}
                    options={options}
                    placeholder={t.values.notSet}
                    value={value}
                    onChange={(e) => onChange(f.identifier, e.target.value)}
                  />
                );
              }
              const numeric = f.type === "int" || f.type === "float";
              return (
                <Input
                  {...common}
                  type={numeric ? "number" : "text"}
                  inputMode={numeric ? (f.type === "int" ? "numeric" : "decimal") : undefined}
                  step={numeric ? (f.type === "int" ? 1 : "any") : undefined}
                  min={f.min}
                  max={f.max}
                  value={value}
                  onChange={(e) => onChange(f.identifier, e.target.value)}
                />
              );
            }}
          </Field>
        );
      })}
    </div>
  );
}
