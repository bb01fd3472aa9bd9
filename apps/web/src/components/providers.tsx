"use client";

import { ThemeProvider } from "next-themes";
import type { ReactNode } from "react";
import { I18nProvider } from "@/i18n/provider";
import type { Locale } from "@/i18n/locales";
import { TRPCReactProvider } from "@/trpc/react";

/** Everything client components need: theme, language and the tRPC/react-query clients. */
export function Providers({ locale, nonce, children }: { locale: Locale; nonce?: string; children: ReactNode }) {
  return (
    <ThemeProvider nonce={nonce} attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
      <I18nProvider locale={locale}>
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </I18nProvider>
    </ThemeProvider>
  );
}
