"use client";

import { Button, Callout, Field, Input } from "@aspen/ui";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState, useTransition } from "react";
import { serverErrorText } from "@/components/forms/server-errors";
import { useI18n } from "@/i18n/provider";
import { loginAction } from "@/server/auth/actions";
import { errorData, fieldErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { AuthCard } from "./auth-card";

export function SignupForm({ next, email: initialEmail }: { next: string; email?: string }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [signingIn, startSignIn] = useTransition();
  const [loginFailed, setLoginFailed] = useState(false);
  const signup = useMutation(trpc.auth.signup.mutationOptions());
  const errors = signup.error ? fieldErrors(signup.error) : {};
  const reason = signup.error ? errorData(signup.error).reason : null;
  const withNext = (path: string) => (next !== "/" ? `${path}?next=${encodeURIComponent(next)}` : path);

  return (
    <AuthCard
      title={t.auth.signupTitle}
      subtitle={t.auth.signupSubtitle}
      footer={
        <>
          {t.auth.haveAccount}{" "}
          <Link
            href={withNext("/login")}
            className="font-medium text-emerald-700 hover:underline dark:text-emerald-400"
            data-testid="to-login"
          >
            {t.auth.toLogin}
          </Link>
        </>
      }
    >
      <form
        className="space-y-4"
        data-testid="signup-form"
        onSubmit={(e) => {
          e.preventDefault();
          const form = new FormData(e.currentTarget);
          const input = {
            name: String(form.get("name") ?? ""),
            email: String(form.get("email") ?? ""),
            password: String(form.get("password") ?? ""),
          };
          signup.mutate(input, {
            onSuccess: () => {
              // Sign straight in with the same credentials; the action redirects to `next`.
              const login = new FormData();
              login.set("email", input.email);
              login.set("password", input.password);
              login.set("next", next);
              startSignIn(async () => {
                const result = await loginAction({}, login);
                if (result?.error) setLoginFailed(true);
              });
            },
          });
        }}
      >
        {signup.error && !Object.keys(errors).length ? (
          <Callout tone="danger" data-testid="signup-error">
            {reason === "email_taken" ? t.auth.emailTaken : serverErrorText(signup.error, t)}
          </Callout>
        ) : null}
        {loginFailed ? (
          <Callout tone="info">
            {t.auth.signedUpLogin}{" "}
            <Link href={withNext("/login")} className="font-medium underline">
              {t.auth.toLogin}
            </Link>
          </Callout>
        ) : null}
        <Field label={t.auth.name} error={errors.name}>
          {(id, d) => (
            <Input
              id={id}
              name="name"
              autoComplete="name"
              required
              maxLength={100}
              aria-describedby={d}
              invalid={!!errors.name}
              data-testid="signup-name"
            />
          )}
        </Field>
        <Field label={t.auth.email} error={reason === "email_taken" ? t.auth.emailTaken : errors.email}>
          {(id, d) => (
            <Input
              id={id}
              name="email"
              type="email"
              autoComplete="email"
              required
              defaultValue={initialEmail}
              aria-describedby={d}
              invalid={!!errors.email}
              data-testid="signup-email"
            />
          )}
        </Field>
        <Field label={t.auth.password} hint={t.auth.passwordHint} error={errors.password}>
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
              data-testid="signup-password"
            />
          )}
        </Field>
        <Button type="submit" className="w-full" loading={signup.isPending || signingIn} data-testid="signup-submit">
          {signup.isPending || signingIn ? t.auth.signingUp : t.auth.signUp}
        </Button>
      </form>
    </AuthCard>
  );
}
