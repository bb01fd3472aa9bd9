// Plain ESM so that the launcher (apps/web/server.mjs) can load it without a build step.
import { promisify } from "node:util";
import { constants, gzip } from "node:zlib";
import { baseHeaders } from "./base-headers.mjs";

const gzipAsync = promisify(gzip);
/** What the route handler exports; HEAD and OPTIONS stay with Next.js, which derives them. */
const methods = new Set(["GET", "POST", "PATCH", "PUT", "DELETE"]);
/** Next.js compresses bodies from this size (its `compression` threshold). */
const gzipFrom = 1024;
/**
 * The fastest level (nginx's default too): on a 30-day history answer (89 KB of JSON) it takes 0.7 ms for
 * 25 KB, the default level 1.6 ms for 23 KB.
 */
const gzipOptions = { level: constants.Z_BEST_SPEED };

/**
 * Whether `req` may go straight to the route handler of `prefix` (e.g. `/api/v1/`) instead of through Next.js's
 * router: a method the handler exports, and a path Next.js would not redirect (no trailing slash, no `//`, no
 * `.` segments), so both roads answer alike.
 * @param {import("node:http").IncomingMessage} req
 * @param {string} prefix
 */
export function bridgeable(req, prefix) {
  const url = req.url ?? "";
  if (!methods.has(req.method ?? "") || !url.startsWith(prefix)) return false;
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  return !path.endsWith("/") && !path.includes("//") && !/\/\.\.?(\/|$)/.test(path) && !path.includes("\\");
}

/**
 * The REST router's view of a Node request (see ApiRequest in src/server/api/v1/transport.ts): headers read
 * from Node's (repeated ones joined as Fetch joins them), the body read as Node buffers, without web streams.
 * @param {import("node:http").IncomingMessage} req
 * @param {string} origin
 */
function apiRequest(req, origin) {
  return {
    method: req.method ?? "GET",
    url: `${origin}${req.url ?? "/"}`,
    headers: {
      /** @param {string} name */
      get(name) {
        const v = req.headers[name.toLowerCase()];
        return v === undefined ? null : Array.isArray(v) ? v.join(", ") : v;
      },
    },
    /** @param {number} limit */
    readBody: (limit) => readLimited(req, limit),
  };
}

/**
 * The request's body, or null as soon as it grows past `limit` bytes (the stream is paused there, the rest
 * left unread: the answer then closes the connection).
 * @param {import("node:http").IncomingMessage} req
 * @param {number} limit
 * @returns {Promise<Uint8Array | null>}
 */
function readLimited(req, limit) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    const chunks = [];
    let size = 0;
    const settle = (/** @type {() => void} */ how) => {
      req.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
      how();
    };
    const onData = (/** @type {Buffer} */ chunk) => {
      size += chunk.byteLength;
      if (size <= limit) return void chunks.push(chunk);
      req.pause();
      settle(() => resolve(null));
    };
    const onEnd = () => settle(() => resolve(Buffer.concat(chunks, size)));
    const onError = (/** @type {Error} */ err) => settle(() => reject(err));
    const onClose = () => settle(() => reject(new Error("the client went away before sending the whole body")));
    req.on("data", onData).on("end", onEnd).on("error", onError).on("close", onClose);
  });
}

/**
 * Serves a Node request with the REST router (`(ApiRequest) => Promise<ApiAnswer>`), adding what Next.js
 * adds to a route handler's answer: the base headers, and gzip when the client accepts it.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {(request: ReturnType<typeof apiRequest>) => Promise<{ status: number; headers: Record<string, string>; body: string | null }>} handler
 * @param {string} origin the app's own origin, e.g. http://127.0.0.1:3000 (the handler reads only the path)
 */
export async function serveApi(req, res, handler, origin) {
  const answer = await handler(apiRequest(req, origin));
  res.statusCode = answer.status;
  for (const { key, value } of baseHeaders) res.setHeader(key, value);
  for (const [k, v] of Object.entries(answer.headers)) res.setHeader(k, v);
  let body = answer.body === null ? null : Buffer.from(answer.body);
  if (body && body.byteLength >= gzipFrom && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
    body = await gzipAsync(body, gzipOptions);
    res.setHeader("content-encoding", "gzip");
    res.setHeader("vary", "Accept-Encoding");
  }
  if (body) res.setHeader("content-length", body.byteLength);
  // An answer before the whole body was read (401, 413, …): the rest of it would be taken for the next request
  // on this connection, so the connection ends with the answer.
  if (req.method !== "GET" && !req.complete) res.setHeader("connection", "close");
  res.end(body ?? undefined);
}
