"use client";

import { Button, Callout, Field, Input } from "@aspen/ui";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { useI18n } from "@/i18n/provider";
import { errorData, fieldErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

/** Asks for a password-reset link; says the same whether or not the address has an account. */
export function ForgotForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const request = useMutation(trpc.account.requestPasswordReset.mutationOptions());
  const errors = request.error ? fieldErrors(request.error) : {};
  const limited = request.error ? errorData(request.error).reason === "rate_limited" : false;
  return (
    <AuthCard
      title={t.passwordReset.forgotTitle}
      subtitle={t.passwordReset.forgotSubtitle}
      footer={
        <Link href="/login" className="font-medium text-emerald-700 hover:underline dark:text-emerald-400" data-testid="to-login">
          {t.passwordReset.backToLogin}
        </Link>
      }
    >
      {request.isSuccess ? (
        <Callout tone="success" data-testid="forgot-sent">
          {t.passwordReset.sent}
        </Callout>
      ) : (
        <form
          className="space-y-4"
          data-testid="forgot-form"
          onSubmit={(e) => {
            e.preventDefault();
            request.mutate({ email: String(new FormData(e.currentTarget).get("email") ?? "") });
          }}
        >
          {limited ? <Callout tone="danger">{t.passwordReset.tooMany}</Callout> : null}
          <Field label={t.auth.email} error={errors.email}>
            {(id, d) => (
              <Input
                id={id}
                name="email"
                type="email"
                autoComplete="email"
                required
                aria-describedby={d}
                invalid={!!errors.email}
                data-testid="forgot-email"
              />
            )}
          </Field>
          <Button type="submit" className="w-full" loading={request.isPending} data-testid="forgot-submit">
            {request.isPending ? t.passwordReset.sending : t.passwordReset.send}
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
