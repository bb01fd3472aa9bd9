import { cookies, headers } from "next/headers";
import { cache } from "react";
import type { Dictionary } from "./en";
import { dictionaryFor, isLocale, localeCookie, negotiateLocale, type Locale } from "./locales";

/** The request's language: the remembered cookie, else the browser's Accept-Language. */
export const getLocale = cache(async (): Promise<Locale> => {
  const saved = (await cookies()).get(localeCookie)?.value;
  if (isLocale(saved)) return saved;
  return negotiateLocale((await headers()).get("accept-language"));
});

/** The dictionary for server components. */
export async function getDictionary(): Promise<{ locale: Locale; t: Dictionary }> {
  const locale = await getLocale();
  return { locale, t: dictionaryFor(locale) };
}
