"use client";

import { Button, Callout, Field, Input } from "@aspen/ui";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { useI18n } from "@/i18n/provider";
import { errorData, fieldErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

/** Sets a new password with the token of a reset link. */
export function ResetForm({ token }: { token: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const reset = useMutation(trpc.account.resetPassword.mutationOptions());
  const errors = reset.error ? fieldErrors(reset.error) : {};
  const reason = reset.error ? errorData(reset.error).reason : null;
  const link = "font-medium text-emerald-700 hover:underline dark:text-emerald-400";
  return (
    <AuthCard title={t.passwordReset.resetTitle} subtitle={t.passwordReset.resetSubtitle}>
      {reset.isSuccess ? (
        <Callout tone="success" data-testid="reset-done">
          {t.passwordReset.done}{" "}
          <Link href="/login" className={link}>
            {t.passwordReset.backToLogin}
          </Link>
        </Callout>
      ) : (
        <form
          className="space-y-4"
          data-testid="reset-form"
          onSubmit={(e) => {
            e.preventDefault();
            reset.mutate({ token, password: String(new FormData(e.currentTarget).get("password") ?? "") });
          }}
        >
          {reason === "reset_link_invalid" || reason === "rate_limited" ? (
            <Callout tone="danger" data-testid="reset-error">
              {reason === "rate_limited" ? t.passwordReset.tooMany : t.passwordReset.invalidLink}{" "}
              <Link href="/forgot" className={link}>
                {t.passwordReset.askAgain}
              </Link>
            </Callout>
          ) : null}
          <Field label={t.passwordReset.newPassword} hint={t.auth.passwordHint} error={errors.password}>
            {(id, d) => (
              <Input
                id={id}
                name="password"
                type="password"
                autoComplete="new-password"
                required
                minLength={10}
                aria-describedby={d}
                invalid={!!errors.password}
                data-testid="reset-password"
              />
            )}
          </Field>
          <Button type="submit" className="w-full" loading={reset.isPending} data-testid="reset-submit">
            {reset.isPending ? t.passwordReset.saving : t.passwordReset.save}
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
