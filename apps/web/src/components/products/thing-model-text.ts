import type { Dictionary } from "@/i18n/en";

/** A thing-model error as core reports it (client-side check) or the server sends it (`error.data.details`). */
export interface ReasonedError {
  message: string;
  reason?: string;
  params?: Record<string, string | number>;
}

type Format = (template: string, values: Record<string, string | number>) => string;

/**
 * A thing-model error in the reader's language: its reason's words with its params filled in (list
 * and item names translated too); the English message for a reason the dictionary does not know.
 */
export function thingModelErrorText(e: ReasonedError, t: Dictionary, format: Format): string {
  const words = t.thingModelReasons as Record<string, string | undefined>;
  const template = e.reason && !e.reason.startsWith("term_") ? words[e.reason] : undefined;
  if (!template) return e.message;
  const values: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(e.params ?? {})) values[k] = ((k === "list" || k === "what") && words[`term_${v}`]) || v;
  return format(template, values);
}
