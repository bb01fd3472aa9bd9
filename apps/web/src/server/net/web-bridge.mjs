// Plain ESM so that the launcher (apps/web/server.mjs) can load it without a build step.
import { Readable } from "node:stream";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { baseHeaders } from "./base-headers.mjs";

const gzipAsync = promisify(gzip);
/** What the route handler exports; HEAD and OPTIONS stay with Next.js, which derives them. */
const methods = new Set(["GET", "POST", "PATCH", "PUT", "DELETE"]);
/** Next.js compresses bodies from this size (its `compression` threshold). */
const gzipFrom = 1024;

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
 * Serves a Node request with a Fetch-API handler (`(Request) => Promise<Response>`, what a Next.js route
 * handler is), adding what Next.js adds to a route handler's answer: the base headers, and gzip when the
 * client accepts it.
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 * @param {(request: Request) => Promise<Response>} handler
 * @param {string} origin the app's own origin, e.g. http://127.0.0.1:3000 (the handler reads only the path)
 */
export async function serveWithFetchHandler(req, res, handler, origin) {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) headers.append(k, one);
  }
  const hasBody = req.method !== "GET";
  const request = new Request(new URL(req.url ?? "/", origin), {
    method: req.method,
    headers,
    body: hasBody ? /** @type {ReadableStream<Uint8Array>} */ (Readable.toWeb(req)) : null,
    // Node's fetch needs it for a streamed body.
    duplex: "half",
  });
  const response = await handler(request);
  res.statusCode = response.status;
  for (const { key, value } of baseHeaders) res.setHeader(key, value);
  for (const [k, v] of response.headers) res.setHeader(k, v);
  let body = response.body ? Buffer.from(await response.arrayBuffer()) : null;
  if (body && body.byteLength >= gzipFrom && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
    body = await gzipAsync(body);
    res.setHeader("content-encoding", "gzip");
    res.setHeader("vary", "Accept-Encoding");
  }
  if (body) res.setHeader("content-length", body.byteLength);
  // An answer before the whole body was read (401, 413, …): the rest of it would be taken for the next request
  // on this connection, so the connection ends with the answer.
  if (hasBody && !req.complete) res.setHeader("connection", "close");
  res.end(body ?? undefined);
}
