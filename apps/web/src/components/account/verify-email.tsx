"use client";

import { Callout } from "@aspen/ui";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { AuthCard } from "@/components/auth/auth-card";
import { format } from "@/i18n/locales";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

/** Confirms the address of a verification link as soon as the page opens (once). */
export function VerifyEmail({ token }: { token: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const verify = useMutation(trpc.account.verifyEmail.mutationOptions());
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    verify.mutate({ token });
  }, [token, verify]);
  const link = "font-medium text-emerald-700 hover:underline dark:text-emerald-400";
  return (
    <AuthCard title={t.passwordReset.verifyTitle}>
      {verify.isSuccess ? (
        <Callout tone="success" data-testid="verify-done">
          {format(t.passwordReset.verified, { email: verify.data.email })}{" "}
          <Link href="/tenants" className={link}>
            {t.passwordReset.toConsole}
          </Link>
        </Callout>
      ) : verify.isError ? (
        <Callout tone="danger" data-testid="verify-error">
          {t.passwordReset.verifyInvalid}{" "}
          <Link href="/login" className={link}>
            {t.passwordReset.backToLogin}
          </Link>
        </Callout>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t.passwordReset.verifying}</p>
      )}
    </AuthCard>
  );
}
