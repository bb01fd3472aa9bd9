import { restError } from "./errors";
import { jsonErrorOffset } from "./json-position";
import type { ApiRequest, HeaderReader } from "./transport";

/** The largest request body the REST API reads. */
export const maxBodyBytes = 1024 * 1024;

/**
 * Reads a body of at most `limit` bytes, refusing (413) from Content-Length before reading, or as soon as
 * a body without one grows past the limit, never buffering the rest.
 */
export async function readBody(req: ApiRequest, limit = maxBodyBytes): Promise<Uint8Array> {
  const declared = req.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit);
  const body = await req.readBody(limit);
  if (body === null) throw tooLarge(limit);
  return body;
}

function tooLarge(limit: number) {
  return restError(413, "payload_too_large", `The request body is larger than ${limit / 1024 / 1024} MiB.`, { limitBytes: limit });
}

/** Line and column (1-based) of a character offset in `text`. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/**
 * Parses a JSON body (Content-Type must say JSON). Malformed JSON is a 400 that names the position, as
 * `details: { position, line, column }`.
 */
export function parseJsonBody(headers: HeaderReader, bytes: Uint8Array): unknown {
  const type = headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw restError(415, "unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw restError(400, "invalid_json", "The body is not valid UTF-8.");
  }
  if (text.trim() === "")
    throw restError(400, "invalid_json", "The body is empty: send a JSON object.", { position: 0, line: 1, column: 1 });
  try {
    return JSON.parse(text);
  } catch {
    const position = jsonErrorOffset(text);
    const { line, column } = lineColumn(text, position);
    throw restError(400, "invalid_json", `Malformed JSON at line ${line}, column ${column} (position ${position}).`, {
      position,
      line,
      column,
    });
  }
}
