import { NextResponse } from "next/server";
import { auth } from "@/server/auth";

/**
 * Signed-out visitors of console pages go to the sign-in page, which sends
 * them back afterwards (`/login?next=/t/acme/devices`). Pages and tRPC still
 * check the session themselves: this is only the friendly redirect.
 */
export const proxy = auth((req) => {
  if (req.auth?.user) return NextResponse.next();
  const url = new URL("/login", req.nextUrl.origin);
  url.searchParams.set("next", `${req.nextUrl.pathname}${req.nextUrl.search}`);
  return NextResponse.redirect(url);
});

export const config = {
  matcher: ["/t/:path*", "/tenants", "/tenants/:path*"],
};
