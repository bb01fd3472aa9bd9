"use client";

import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Locale } from "./config";
import type { Dictionary } from "./en";
import { formatMessage } from "./message-format";

interface I18n {
  locale: Locale;
  t: Dictionary;
  /** Fills placeholders and plural forms in the active language. */
  format: (template: string, values: Record<string, string | number>) => string;
}

const I18nContext = createContext<I18n | null>(null);

/**
 * Makes the request's language available to client components. The server passes the one active
 * dictionary: the client bundle imports no dictionary, so each browser downloads only its language.
 */
export function I18nProvider({ locale, dictionary, children }: { locale: Locale; dictionary: Dictionary; children: ReactNode }) {
  const value = useMemo<I18n>(
    () => ({ locale, t: dictionary, format: (template, values) => formatMessage(locale, template, values) }),
    [locale, dictionary],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside <I18nProvider>");
  return value;
}
