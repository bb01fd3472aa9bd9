import { ApiReference } from "@scalar/nextjs-api-reference";
import { contentSecurityPolicy, newNonce } from "../../../server/security-headers";

export const dynamic = "force-dynamic";

/**
 * The API reference, rendered by Scalar from our own copy of its bundle (scalar.js/route.ts): nothing
 * is loaded from a CDN, and the page's CSP (the proxy's, nonce-based; repeated here for requests the
 * proxy did not see) makes the browser refuse anything from another origin.
 */
export function GET(req: Request): Response {
  const nonce = req.headers.get("x-nonce") ?? newNonce();
  const render = ApiReference({
    url: "/api/v1/openapi.json",
    cdn: "/docs/api/scalar.js",
    nonce,
    pageTitle: "Aspen API reference",
    withDefaultFonts: false,
    telemetry: false,
    // No hosted extras: the developer toolbar ("Deploy", "Generate SDK") and the AI agent call Scalar's servers.
    showDeveloperTools: "never",
    agent: { disabled: true },
    mcp: { disabled: true },
  });
  const res = render();
  const headers = new Headers(res.headers);
  headers.set("content-security-policy", contentSecurityPolicy(nonce));
  return new Response(res.body, { status: res.status, headers });
}
