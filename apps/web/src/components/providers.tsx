"use client";

import { ThemeProvider } from "next-themes";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import type { ReactNode } from "react";
import { I18nProvider } from "@/i18n/provider";
import type { Locale } from "@/i18n/config";
import type { Dictionary } from "@/i18n/en";
import { TRPCReactProvider } from "@/trpc/react";

/** Everything client components need: theme, language and the tRPC/react-query clients. */
export function Providers({
  locale,
  dictionary,
  nonce,
  children,
}: {
  locale: Locale;
  dictionary: Dictionary;
  nonce?: string;
  children: ReactNode;
}) {
  return (
    <ThemeProvider nonce={nonce} attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange>
      <I18nProvider locale={locale} dictionary={dictionary}>
        <TRPCReactProvider>
          <NuqsAdapter>{children}</NuqsAdapter>
        </TRPCReactProvider>
      </I18nProvider>
    </ThemeProvider>
  );
}
