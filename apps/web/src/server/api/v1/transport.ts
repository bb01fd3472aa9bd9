import { readBodyCapped } from "../../limits/request-body";

/**
 * What the REST router reads of a request and gives back, without Fetch objects: the launcher's bridge
 * (src/server/net/web-bridge.mjs) fills it straight from Node's request, the Next.js route (and tests)
 * from a Fetch `Request`. Building a `Request`, reading its body stream and the `Response`'s back cost
 * ~0.5 ms of CPU per call, a third of GET /devices.
 */

/** A request's headers, read by (case-insensitive) name; repeated ones joined with ", " as Fetch does. */
export type HeaderReader = Pick<Headers, "get">;

export interface ApiRequest {
  method: string;
  /** Absolute URL (only the path and query are read). */
  url: string;
  headers: HeaderReader;
  /** The whole body (empty without one), or null as soon as it grows past `limit` bytes: the rest is left unread. */
  readBody(limit: number): Promise<Uint8Array | null>;
}

export interface ApiAnswer {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** JSON text, or null for no body. */
  body: string | null;
}

/** The router's view of a Fetch request. */
export function fromFetchRequest(req: Request): ApiRequest {
  return {
    method: req.method,
    url: req.url,
    headers: req.headers,
    async readBody(limit) {
      const read = await readBodyCapped(req, limit);
      return read.ok ? read.body : null;
    },
  };
}

/** An answer as a Fetch response. */
export function toResponse(answer: ApiAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
