import { ApiReference } from "@scalar/nextjs-api-reference";

export const dynamic = "force-dynamic";

const render = ApiReference({
  url: "/api/v1/openapi.json",
  // Our own copy of the renderer (see scalar.js/route.ts): nothing is loaded from a CDN.
  cdn: "/docs/api/scalar.js",
  pageTitle: "Aspen API reference",
  withDefaultFonts: false,
  telemetry: false,
  hideClientButton: false,
  darkMode: false,
  metaData: { title: "Aspen API reference" },
} as Parameters<typeof ApiReference>[0]);

/**
 * Everything the page loads comes from this origin; the policy makes the browser refuse anything
 * else (fonts, scripts, "try it" requests to other hosts).
 */
const csp = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "frame-ancestors 'none'",
].join("; ");

export function GET(): Response {
  const res = render();
  const headers = new Headers(res.headers);
  headers.set("content-security-policy", csp);
  return new Response(res.body, { status: res.status, headers });
}
