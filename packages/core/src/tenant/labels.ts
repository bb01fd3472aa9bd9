import { z } from "zod";

export const labelKeyPattern = /^[a-z0-9_.-]{1,32}$/;
export const maxLabels = 20;

/** Free-form `key: value` tags on a device, for filtering. */
export const labelsSchema = z
  .record(
    // zod drops a `__proto__` key instead of letting it replace the prototype.
    z.string().regex(labelKeyPattern, { error: "Label keys use 1 to 32 lowercase letters, digits, _, . or -" }),
    z.string({ error: "Label values must be strings" }).max(64, { error: "Label values use at most 64 characters" }),
    { error: "Labels must be an object of key/value strings" },
  )
  .refine((labels) => Object.keys(labels).length <= maxLabels, {
    error: `Use at most ${maxLabels} labels`,
  });

/**
 * The one label grammar people type, in a CSV cell (`site=berlin;floor=2`) or a text box (one
 * `key=value` per line): `key=value` pairs separated by `;` or a new line. Blank parts are skipped,
 * spaces around keys and values are trimmed, the first `=` splits (values may contain `=`). `|` is
 * not a separator: it stays part of the value.
 */
export const labelSeparator = /[;\n]/;

export type Labels = Record<string, string>;

/** A grammar error names the 1-based part that has no `key=`. */
export type ParsedLabelText = { ok: true; labels: Labels } | { ok: false; line: number; text: string };

/** Parses label text (see `labelSeparator`); the result still has to pass `labelsSchema`. */
export function parseLabelText(text: string): ParsedLabelText {
  const labels: Labels = {};
  for (const [i, raw] of text.split(labelSeparator).entries()) {
    const part = raw.trim();
    if (!part) continue;
    const eq = part.indexOf("=");
    if (eq <= 0) return { ok: false, line: i + 1, text: part };
    labels[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return { ok: true, labels };
}

/** The inverse of `parseLabelText`, `separator` (`;` or a new line) between pairs. */
export function formatLabels(labels: Labels | null | undefined, separator: ";" | "\n" = "\n"): string {
  return Object.entries(labels ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(separator);
}

/** A device-list label filter: `key=value` (a key without `=` or spaces; the value may be empty). */
export const labelFilterPattern = /^[^=\s]+=.*$/;

/** Splits a filter that matches `labelFilterPattern` at its first `=`. */
export function parseLabelFilter(filter: string): { key: string; value: string } | null {
  if (!labelFilterPattern.test(filter)) return null;
  const i = filter.indexOf("=");
  return { key: filter.slice(0, i), value: filter.slice(i + 1) };
}
