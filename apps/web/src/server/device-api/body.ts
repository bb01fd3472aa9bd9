import { jsonTooDeep, MAX_JSON_DEPTH } from "@aspen/core";
import { readBodyCapped } from "../limits/request-body";
import { DeviceApiError } from "./http";

/** The most a device may send in one request, as for MQTT payloads. */
export const maxBodyBytes = 256 * 1024;

export function payloadTooLarge(limit = maxBodyBytes): DeviceApiError {
  return new DeviceApiError(413, "payload_too_large", `The request body is larger than ${limit / 1024} KiB; send less per request.`, {
    limitBytes: limit,
  });
}

/**
 * Reads a request body of at most `limit` bytes: refuses at once when Content-Length says more, and
 * stops reading (without buffering the rest) when a body without one grows past the limit.
 */
export async function readBody(req: Request, limit = maxBodyBytes): Promise<Uint8Array> {
  const read = await readBodyCapped(req, limit);
  if (!read.ok) throw payloadTooLarge(limit);
  return read.body;
}

export type ParsedJson = { ok: true; value: unknown; bytes: number } | { ok: false; reason: string; bytes: number };

/**
 * Parses a body as JSON (whatever Content-Type says: device firmware often omits it). Nesting deeper than
 * core's MAX_JSON_DEPTH is refused before parsing: a result nested 5,000 deep must be a 400, not a 500.
 */
export function parseJson(bytes: Uint8Array): ParsedJson {
  if (bytes.byteLength === 0) return { ok: false, reason: "empty body: send a JSON object", bytes: 0 };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, reason: "the body is not valid UTF-8", bytes: bytes.byteLength };
  }
  if (jsonTooDeep(text)) return { ok: false, reason: `JSON nested deeper than ${MAX_JSON_DEPTH} levels`, bytes: bytes.byteLength };
  try {
    return { ok: true, value: JSON.parse(text), bytes: bytes.byteLength };
  } catch (err) {
    return { ok: false, reason: `malformed JSON: ${(err as Error).message.slice(0, 120)}`, bytes: bytes.byteLength };
  }
}
