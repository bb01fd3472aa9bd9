"use client";

import { Button, Callout, Field, Input } from "@aspen/ui";
import Link from "next/link";
import { useActionState } from "react";
import { useI18n } from "@/i18n/provider";
import { loginAction, type LoginState } from "@/server/auth/actions";
import { AuthCard } from "./auth-card";

export function LoginForm({
  next,
  initialError,
  signedUp,
  email,
}: {
  next: string;
  initialError?: LoginState["error"];
  signedUp?: boolean;
  email?: string;
}) {
  const { t } = useI18n();
  const [state, action, pending] = useActionState(loginAction, { error: initialError, email });
  const needsCode = state.error === "totp_required" || state.error === "totp_invalid";
  const message =
    state.error === "rate_limited"
      ? t.auth.rateLimited
      : state.error === "invalid_credentials"
        ? t.auth.invalidCredentials
        : state.error === "totp_required"
          ? t.twoFactor.codeRequired
          : state.error === "totp_invalid"
            ? t.twoFactor.codeWrong
            : state.error
              ? t.auth.unknownError
              : null;
  const withNext = (path: string) => (next !== "/" ? `${path}?next=${encodeURIComponent(next)}` : path);
  return (
    <AuthCard
      title={t.auth.loginTitle}
      subtitle={t.auth.loginSubtitle}
      footer={
        <>
          {t.auth.noAccount}{" "}
          <Link
            href={withNext("/signup")}
            className="font-medium text-emerald-700 hover:underline dark:text-emerald-400"
            data-testid="to-signup"
          >
            {t.auth.toSignup}
          </Link>
        </>
      }
    >
      <form action={action} className="space-y-4" data-testid="login-form">
        {signedUp && !message ? <Callout tone="success">{t.auth.signedUpLogin}</Callout> : null}
        {message ? (
          <Callout tone="danger" data-testid="login-error">
            {message}
          </Callout>
        ) : null}
        <input type="hidden" name="next" value={next} />
        <Field label={t.auth.email}>
          {(id) => (
            <Input
              id={id}
              name="email"
              type="email"
              autoComplete="email"
              required
              defaultValue={state.email ?? ""}
              data-testid="login-email"
            />
          )}
        </Field>
        <Field label={t.auth.password}>
          {(id) => <Input id={id} name="password" type="password" autoComplete="current-password" required data-testid="login-password" />}
        </Field>
        {needsCode ? (
          <Field label={t.twoFactor.signInCode} hint={t.twoFactor.signInCodeHint}>
            {(id, d) => (
              <Input
                id={id}
                name="code"
                inputMode="numeric"
                autoComplete="one-time-code"
                required
                maxLength={20}
                aria-describedby={d}
                data-testid="login-code"
              />
            )}
          </Field>
        ) : null}
        <p className="-mt-2 text-right text-sm">
          <Link href="/forgot" className="text-emerald-700 hover:underline dark:text-emerald-400" data-testid="to-forgot">
            {t.passwordReset.forgotLink}
          </Link>
        </p>
        <Button type="submit" className="w-full" loading={pending} data-testid="login-submit">
          {pending ? t.auth.signingIn : t.auth.signIn}
        </Button>
      </form>
    </AuthCard>
  );
}
