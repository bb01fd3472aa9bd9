import type { z } from "zod";
import type { Dictionary } from "@/i18n/en";

type Issue = z.core.$ZodIssue;

/**
 * The schema's issue in the reader's language where the code says enough (too long, required);
 * otherwise the schema's own words (the server sends the same ones).
 */
export function issueText(issue: Issue, t: Dictionary, format: (s: string, v: Record<string, string | number>) => string): string {
  if (issue.code === "too_big" && issue.origin === "string") return format(t.values.tooLong, { limit: Number(issue.maximum) });
  if (issue.code === "too_small" && issue.origin === "string") {
    return Number(issue.minimum) <= 1 ? t.values.required : format(t.ui.tooShort, { min: Number(issue.minimum) });
  }
  return issue.message;
}
