"use server";

import { cookies } from "next/headers";
import { isLocale, localeCookie, localeCookieMaxAge, type Locale } from "./config";

/** Remembers the chosen language in a cookie; the caller refreshes the page. */
export async function setLocaleAction(locale: Locale): Promise<void> {
  if (!isLocale(locale)) return;
  (await cookies()).set(localeCookie, locale, { path: "/", maxAge: localeCookieMaxAge, sameSite: "lax" });
}
