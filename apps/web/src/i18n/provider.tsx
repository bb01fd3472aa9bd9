"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { Dictionary } from "./en";
import { dictionaryFor, format, type Locale } from "./locales";

interface I18n {
  locale: Locale;
  t: Dictionary;
  format: typeof format;
}

const I18nContext = createContext<I18n | null>(null);

/** Makes the request's language available to client components. */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <I18nContext.Provider value={{ locale, t: dictionaryFor(locale), format }}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside <I18nProvider>");
  return value;
}
