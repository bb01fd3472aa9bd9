"use client";

import { toNestErrors } from "@hookform/resolvers";
import { useForm, type FieldErrors, type FieldValues, type Path, type Resolver, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { Dictionary } from "@/i18n/en";
import { useI18n } from "@/i18n/provider";
import { errorData } from "@/trpc/errors";
import { issueText } from "./issue-text";
import { serverReasonText } from "./server-errors";

export { issueText };

type Issue = z.core.$ZodIssue;

/** A react-hook-form resolver over a zod schema, with `issueText` messages. */
function zodFormResolver<T extends FieldValues>(schema: z.ZodType<unknown, T>, text: (issue: Issue) => string): Resolver<T> {
  return async (values, _context, options) => {
    const result = await schema.safeParseAsync(values);
    if (result.success) return { values, errors: {} };
    const flat: Record<string, { type: string; message: string }> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join(".");
      // A custom issue may name its kind (`params.kind`) for the form to word it.
      const kind = issue.code === "custom" && typeof issue.params?.kind === "string" ? issue.params.kind : issue.code;
      flat[path] ??= { type: kind, message: text(issue) };
    }
    return { values: {}, errors: toNestErrors(flat as FieldErrors, options) as FieldErrors<T> };
  };
}

/**
 * A form validated as you type by the same zod schema the server uses; errors clear as soon as the
 * field is fixed (server errors set with `setServerErrors` too, since the field re-validates on change).
 */
export function useZodForm<T extends FieldValues>(
  schema: z.ZodType<unknown, T>,
  defaultValues: T,
  /** Per field, the reader's-language text for a value of the wrong shape (pattern or custom rule). */
  formatText?: Partial<Record<Path<T>, string>>,
): UseFormReturn<T> {
  const { t, format } = useI18n();
  return useForm<T>({
    mode: "onChange",
    defaultValues: defaultValues as never,
    resolver: zodFormResolver(schema, (issue) => {
      const own = formatText?.[issue.path.map(String).join(".") as Path<T>];
      return own && (issue.code === "invalid_format" || (issue.code === "custom" && !issue.params?.kind))
        ? own
        : issueText(issue, t, format);
    }),
  });
}

/**
 * Puts a server error on the fields its `details.path` names (in the reader's language when the
 * reason is known); true when at least one field took it.
 */
export function setServerErrors<T extends FieldValues>(
  form: UseFormReturn<T>,
  err: unknown,
  t: Dictionary,
  fields: readonly Path<T>[],
): boolean {
  const data = errorData(err);
  let placed = false;
  for (const d of data.details ?? []) {
    const field = fields.find((f) => f === d.path);
    if (!field) continue;
    form.setError(field, { type: "server", message: serverReasonText(data.reason, t) ?? d.message }, { shouldFocus: !placed });
    placed = true;
  }
  return placed;
}
