"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { setLocaleAction } from "@/i18n/actions";
import { localeNames, locales, type Locale } from "@/i18n/config";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

/** Language picker: remembered in a cookie (and on the account when signed in). */
export function LocaleSwitcher({ signedIn = false }: { signedIn?: boolean }) {
  const { locale, t } = useI18n();
  const router = useRouter();
  const trpc = useTRPC();
  const saveOnAccount = useMutation(trpc.auth.setLocale.mutationOptions());
  const [pending, startTransition] = useTransition();
  return (
    <label className="relative shrink-0">
      <span className="sr-only">{t.locale.label}</span>
      <select
        data-testid="locale-switcher"
        value={locale}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.value as Locale;
          startTransition(async () => {
            await setLocaleAction(next);
            if (signedIn) saveOnAccount.mutate({ locale: next });
            router.refresh();
          });
        }}
        className="h-8 max-w-[6.5rem] cursor-pointer appearance-none rounded-md border border-transparent bg-transparent pr-2 pl-2 text-sm text-zinc-700 hover:bg-zinc-100 focus:border-emerald-600 focus:outline-none dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        {locales.map((l) => (
          <option key={l} value={l}>
            {localeNames[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
