import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server";

/** One problem with one field of the input, e.g. `{ path: "properties[2].max", message: "…" }`. */
export interface FieldIssue {
  path: string;
  message: string;
  /** For row-based input (bulk import): the 0-based row the issue is about. */
  row?: number;
  /** The rule broken (e.g. core's thing-model reasons), for the console to word in the reader's language. */
  reason?: string;
  params?: Record<string, string | number>;
}

/**
 * Carries a machine-readable `reason` (e.g. `slug_taken`) and field issues to
 * the client through the error formatter: `error.data.reason`, `error.data.details`.
 */
export class AppErrorCause extends Error {
  constructor(
    readonly reason: string,
    readonly details: FieldIssue[] | undefined,
  ) {
    super(reason);
    this.name = "AppErrorCause";
  }
}

/** A tRPC error whose message says what to do next, with a stable `reason` for the UI. */
export function appError(code: TRPC_ERROR_CODE_KEY, reason: string, message: string, details?: FieldIssue[]): TRPCError {
  return new TRPCError({ code, message, cause: new AppErrorCause(reason, details) });
}

/** The one answer for "no such thing here" — also used when it exists elsewhere, so nothing leaks. */
export function notFound(what: string): TRPCError {
  return appError("NOT_FOUND", "not_found", `${what} not found`);
}
