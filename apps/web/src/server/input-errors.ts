import type { TRPCError } from "@trpc/server";
import { AppErrorCause, type FieldIssue } from "./errors";

/** Zod (or any Standard Schema) issues as `{ path: "a.b[2]", message }`; undefined when `cause` has none. */
function inputIssues(cause: unknown): FieldIssue[] | undefined {
  const issues = (cause as { issues?: unknown })?.issues;
  if (!Array.isArray(issues)) return undefined;
  return issues.map((i: { path?: readonly unknown[]; message?: string }) => ({
    path: (i.path ?? [])
      .map((p) => (typeof p === "object" && p !== null && "key" in p ? p.key : p))
      .reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), ""),
    message: i.message ?? "Invalid value",
  }));
}

/**
 * The one place input validation errors get their public form: reason `invalid_input`, every issue
 * in `details`, and the first issue as a plain message (tRPC's default is the JSON of all issues).
 * Called on every procedure's result (`observed` in trpc.ts), so HTTP clients, server-side callers
 * (RSC, tests) and the error formatter all see the same thing. Leaves other errors alone.
 */
export function rewriteInputError(error: TRPCError): void {
  if (error.code !== "BAD_REQUEST" || error.cause instanceof AppErrorCause) return;
  const details = inputIssues(error.cause);
  if (!details) return;
  const first = details[0];
  error.message = first ? (first.path ? `${first.path}: ${first.message}` : first.message) : "Invalid input";
  Object.defineProperty(error, "cause", { value: new AppErrorCause("invalid_input", details), configurable: true, writable: true });
}
