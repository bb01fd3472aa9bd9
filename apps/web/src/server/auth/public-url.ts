import type { NextRequest } from "next/server";

/**
 * Route handlers get `req.url` on Next's idea of the host: 127.0.0.1 and ::1
 * become "localhost", and behind a proxy it is the internal address. Auth.js
 * builds redirects and the error page URL from `req.url`, so rebuild it from
 * Host / X-Forwarded-* (trusted, like Auth.js's own `trustHost`) to keep the
 * browser on the host it used, where its cookies are. Returns a plain
 * Request: a NextRequest would normalise the host to "localhost" again.
 */
export function withPublicUrl(req: NextRequest): NextRequest {
  const host = req.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || req.headers.get("host");
  if (!host) return req;
  const original = new URL(req.url);
  const proto = req.headers.get("x-forwarded-proto")?.split(",")[0]?.trim() || original.protocol.replace(":", "");
  const url = new URL(`${original.pathname}${original.search}`, `${proto}://${host}`);
  if (url.href === req.url) return req;
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const init = { method: req.method, headers: req.headers, ...(hasBody ? { body: req.body, duplex: "half" } : {}) };
  return new Request(url.href, init) as NextRequest;
}
