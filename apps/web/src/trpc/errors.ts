import { TRPCClientError } from "@trpc/client";

/** What the server's error formatter adds: a stable reason and per-field issues. */
export interface ErrorData {
  code?: string;
  httpStatus?: number;
  reason?: string | null;
  details?: { path: string; message: string; row?: number; reason?: string; params?: Record<string, string | number> }[] | null;
}

export function errorData(err: unknown): ErrorData {
  if (err instanceof TRPCClientError) return (err.data ?? {}) as ErrorData;
  const data = (err as { data?: unknown })?.data;
  return typeof data === "object" && data !== null ? data : {};
}

/** The server's message (already phrased for people), or a fallback. */
export function errorMessage(err: unknown, fallback: string): string {
  if (err instanceof Error && err.message && !err.message.startsWith("<")) return err.message;
  return fallback;
}

/**
 * Per-field messages keyed by path (`name`, `properties[2].max`), first message wins; with `under`,
 * only the paths below it, relative to it (`under` "params": `params.level` → `level`).
 */
export function fieldErrors(err: unknown, under?: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of errorData(err).details ?? []) {
    if (under === undefined) out[d.path] ??= d.message;
    else if (d.path.startsWith(`${under}.`)) out[d.path.slice(under.length + 1)] ??= d.message;
  }
  return out;
}
