import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { auth } from "@/server/auth";

type AuthedRequest = NextRequest & { auth: { user?: { id?: string } } | null };

function redirectSignedOut(req: AuthedRequest) {
  if (req.auth?.user) return NextResponse.next();
  const url = new URL("/login", req.nextUrl.origin);
  url.searchParams.set("next", `${req.nextUrl.pathname}${req.nextUrl.search}`);
  return NextResponse.redirect(url);
}

/**
 * Signed-out visitors of console pages go to the sign-in page, which sends
 * them back afterwards (`/login?next=/t/acme/devices`). Pages and tRPC still
 * check the session themselves: this is only the friendly redirect.
 */
export async function proxy(req: NextRequest, ev: NextFetchEvent): Promise<Response> {
  // With a lazily built config, Auth.js's `auth(handler)` resolves to the wrapped handler asynchronously.
  const wrapped = (await (auth(redirectSignedOut as never) as unknown)) as (req: NextRequest, ev: NextFetchEvent) => Promise<Response>;
  return wrapped(req, ev);
}

export const config = {
  matcher: ["/t/:path*", "/tenants", "/tenants/:path*"],
};
