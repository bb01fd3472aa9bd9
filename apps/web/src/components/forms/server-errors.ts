import type { Dictionary } from "@/i18n/en";
// Relative so that unit tests (no path aliases) can load it.
import { errorData, errorMessage } from "../../trpc/errors";

/** The reader's-language text for a server error's stable reason, when the dictionary has one. */
export function serverReasonText(reason: string | null | undefined, t: Dictionary): string | undefined {
  if (!reason) return undefined;
  const text = (t.reasons as Record<string, string | undefined>)[reason];
  return text || undefined;
}

/** A server error for people: the reason in the reader's language, else the server's message, else `fallback`. */
export function serverErrorText(err: unknown, t: Dictionary, fallback = t.common.somethingWrong): string {
  return serverReasonText(errorData(err).reason, t) ?? errorMessage(err, fallback);
}
