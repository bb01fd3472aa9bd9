import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { z } from "zod";
import { AppErrorCause, type FieldIssue } from "../../errors";
import { logger } from "../../logger";
import type { ApiAnswer } from "./transport";

/**
 * The stable codes of REST errors. Service errors keep their `appError` reason as the code (e.g.
 * `device_name_taken`); these are the ones the REST layer itself answers with.
 */
export type RestErrorCode =
  | "invalid_request"
  | "invalid_json"
  | "invalid_input"
  | "unauthenticated"
  | "invalid_token"
  | "insufficient_scope"
  | "forbidden"
  | "not_found"
  | "method_not_allowed"
  | "payload_too_large"
  | "unsupported_media_type"
  | "idempotency_key_reused"
  | "idempotency_key_in_use"
  | "rate_limited"
  | "internal";

/** An answer `{"error":{"code","message","details"}}` with an HTTP status and optional headers. */
export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "RestError";
  }
}

export function restError(
  status: number,
  code: RestErrorCode,
  message: string,
  details: unknown = null,
  headers: Record<string, string> = {},
) {
  return new RestError(status, code, message, details, headers);
}

/** The one error body of the API, as documented. */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "Stable machine-readable code, e.g. `not_found`, `device_name_taken`" }),
      message: z.string().meta({ description: "What went wrong and what to do next" }),
      details: z.unknown().meta({ description: "Field issues `[{path, message}]` or other structured detail; null when none" }),
    }),
  })
  .meta({ id: "Error" });

/** Zod issues as `[{ path: "a.b[2]", message }]`. */
export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    path: i.path.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), ""),
    message: i.message,
  }));
}

export function invalidInput(error: z.ZodError, where: "body" | "query" | "path"): RestError {
  const details = zodIssues(error).map((d) => ({ ...d, in: where }));
  const first = details[0];
  const message = first ? `${where}${first.path ? `.${first.path}` : ""}: ${first.message}` : "Invalid input";
  return new RestError(400, "invalid_input", message, details);
}

/** Maps anything a handler threw to a RestError; service errors keep their reason, unknown errors are logged 500s. */
export function toRestError(err: unknown, operationId: string): RestError {
  if (err instanceof RestError) return err;
  if (err instanceof z.ZodError) return invalidInput(err, "body");
  if (err instanceof TRPCError) {
    const status = getHTTPStatusCodeFromError(err);
    if (err.cause instanceof AppErrorCause) {
      const code = err.cause.reason === "forbidden" ? "forbidden" : err.cause.reason;
      return new RestError(status, code, err.message, err.cause.details ?? null);
    }
    if (status < 500) return new RestError(status, status === 404 ? "not_found" : "invalid_request", err.message);
  }
  logger.error({ err, operationId }, "REST API request failed");
  return new RestError(500, "internal", "Something went wrong on our side. Retry later; if it persists, contact the operator.");
}

export function errorAnswer(err: RestError, extraHeaders: Record<string, string> = {}): ApiAnswer {
  return {
    status: err.status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...extraHeaders, ...err.headers },
    body: JSON.stringify({ error: { code: err.code, message: err.message, details: err.details ?? null } }),
  };
}
