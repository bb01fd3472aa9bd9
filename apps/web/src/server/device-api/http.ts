import { logger } from "../logger";

/** Codes a device can branch on; the HTTP status says the class of problem. */
export type DeviceApiErrorCode =
  | "invalid_body"
  | "invalid_payload"
  | "invalid_values"
  | "invalid_credentials"
  | "invalid_product_credentials"
  | "device_disabled"
  | "tenant_suspended"
  | "self_registration_disabled"
  | "not_found"
  | "device_name_taken"
  | "command_not_waiting"
  | "payload_too_large"
  | "rate_limited"
  | "internal";

/**
 * An error answered as `{"error":{"code","message","details"}}` with `status`. `extra` adds fields
 * next to `error` (e.g. how many values were stored despite the rejected ones).
 */
export class DeviceApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: DeviceApiErrorCode,
    message: string,
    readonly details: unknown = null,
    readonly headers: Record<string, string> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "DeviceApiError";
  }
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
}

export function errorResponse(err: DeviceApiError): Response {
  return json({ error: { code: err.code, message: err.message, details: err.details }, ...err.extra }, err.status, err.headers);
}

/**
 * Wraps a device API handler: typed errors become their JSON answer, anything else a logged 500
 * that says nothing about the internals.
 */
export function deviceRoute<A extends unknown[]>(name: string, fn: (req: Request, ...args: A) => Promise<Response>) {
  return async (req: Request, ...args: A): Promise<Response> => {
    try {
      return await fn(req, ...args);
    } catch (err) {
      if (err instanceof DeviceApiError) return errorResponse(err);
      logger.error({ err, route: name }, "device API request failed");
      return errorResponse(new DeviceApiError(500, "internal", "Something went wrong on our side; retry later."));
    }
  };
}
