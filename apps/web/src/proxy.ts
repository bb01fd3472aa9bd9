import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { getEnv } from "@/env";
import { auth } from "@/server/auth";
import { contentSecurityPolicy, newNonce, pageSecurityHeaders } from "@/server/security-headers";

type AuthedRequest = NextRequest & { auth: { user?: { id?: string } } | null };

const consolePath = /^\/(t\/|tenants(\/|$))/;

function redirectSignedOut(req: AuthedRequest, requestHeaders: Headers) {
  if (req.auth?.user) return NextResponse.next({ request: { headers: requestHeaders } });
  const url = new URL("/login", req.nextUrl.origin);
  url.searchParams.set("next", `${req.nextUrl.pathname}${req.nextUrl.search}`);
  return NextResponse.redirect(url);
}

/**
 * Every page: a per-request CSP nonce (Next.js reads it from the request's
 * CSP header and puts it on its scripts; the root layout hands it to
 * next-themes) and the security headers. Console pages: signed-out visitors
 * go to the sign-in page, which sends them back afterwards
 * (`/login?next=/t/acme/devices`). Pages and tRPC still check the session
 * themselves: this is only the friendly redirect.
 */
export async function proxy(req: NextRequest, ev: NextFetchEvent): Promise<Response> {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);

  let res: Response;
  if (consolePath.test(req.nextUrl.pathname)) {
    // With a lazily built config, Auth.js's `auth(handler)` resolves to the wrapped handler asynchronously.
    const handler = (r: AuthedRequest) => redirectSignedOut(r, requestHeaders);
    const wrapped = (await (auth(handler as never) as unknown)) as (req: NextRequest, ev: NextFetchEvent) => Promise<Response>;
    res = await wrapped(req, ev);
  } else {
    res = NextResponse.next({ request: { headers: requestHeaders } });
  }
  res.headers.set("content-security-policy", csp);
  for (const [k, v] of Object.entries(pageSecurityHeaders(getEnv().APP_URL))) res.headers.set(k, v);
  return res;
}

export const config = {
  // Pages only: not API routes, Next's static assets or the favicon. Prefetches carry no HTML to protect.
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico|healthz).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
