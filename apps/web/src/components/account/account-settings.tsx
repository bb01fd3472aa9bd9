"use client";

import { Button, Callout, Card, CardBody, CardHeader, ConfirmDialog, Field, Input } from "@aspen/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { NotificationPreferences } from "@/components/notifications/notification-preferences";
import { PageHeader } from "@/components/shell/page-header";
import { serverErrorText } from "@/components/forms/server-errors";
import { useI18n } from "@/i18n/provider";
import { errorData, fieldErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

/** After the server ended every session, go to the sign-in page with a note. */
function toLogin(email: string) {
  window.location.assign(`/login?email=${encodeURIComponent(email)}`);
}

export function AccountSettings({ user }: { user: { email: string; name: string } }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [confirmEverywhere, setConfirmEverywhere] = useState(false);
  const [done, setDone] = useState(false);
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: () => {
        setDone(true);
        setTimeout(() => toLogin(user.email), 1500);
      },
    }),
  );
  const everywhere = useMutation(trpc.auth.signOutEverywhere.mutationOptions({ onSuccess: () => toLogin(user.email) }));
  const errors = change.error ? fieldErrors(change.error) : {};
  const wrong = change.error && errorData(change.error).reason === "wrong_password";
  return (
    <>
      <PageHeader title={t.account.title} description={t.account.subtitle} />
      <div className="space-y-6">
        <Card>
          <CardHeader title={t.account.profile} />
          <CardBody>
            <dl className="grid gap-3 text-sm sm:grid-cols-[8rem_1fr]">
              <dt className="text-zinc-500 dark:text-zinc-400">{t.auth.name}</dt>
              <dd data-testid="account-name">{user.name}</dd>
              <dt className="text-zinc-500 dark:text-zinc-400">{t.auth.email}</dt>
              <dd className="break-all" data-testid="account-email">
                {user.email}
              </dd>
            </dl>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t.account.changePassword} />
          <CardBody>
            <form
              className="max-w-sm space-y-4"
              data-testid="change-password-form"
              onSubmit={(e) => {
                e.preventDefault();
                const form = new FormData(e.currentTarget);
                change.mutate({ current: String(form.get("current") ?? ""), next: String(form.get("next") ?? "") });
              }}
            >
              {done ? (
                <Callout tone="success" data-testid="password-changed">
                  {t.account.passwordChanged}
                </Callout>
              ) : null}
              {change.error && !wrong && !Object.keys(errors).length ? (
                <Callout tone="danger">{serverErrorText(change.error, t)}</Callout>
              ) : null}
              <Field label={t.account.currentPassword} error={wrong ? t.account.wrongPassword : errors.current}>
                {(id, d) => (
                  <Input
                    id={id}
                    name="current"
                    type="password"
                    autoComplete="current-password"
                    required
                    aria-describedby={d}
                    data-testid="current-password"
                  />
                )}
              </Field>
              <Field label={t.account.newPassword} hint={t.auth.passwordHint} error={errors.next}>
                {(id, d) => (
                  <Input
                    id={id}
                    name="next"
                    type="password"
                    autoComplete="new-password"
                    required
                    minLength={10}
                    aria-describedby={d}
                    data-testid="new-password"
                  />
                )}
              </Field>
              <Button type="submit" loading={change.isPending} disabled={done} data-testid="change-password-submit">
                {t.account.changePassword}
              </Button>
            </form>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={t.account.sessions} description={t.account.sessionsHint} />
          <CardBody>
            <Button variant="danger" onClick={() => setConfirmEverywhere(true)} data-testid="sign-out-everywhere">
              {t.account.signOutEverywhere}
            </Button>
          </CardBody>
        </Card>
        <NotificationPreferences />
      </div>
      <ConfirmDialog
        open={confirmEverywhere}
        onClose={() => setConfirmEverywhere(false)}
        onConfirm={() => everywhere.mutate()}
        title={t.account.signOutEverywhereConfirm}
        description={t.account.signOutEverywhereBody}
        confirmLabel={t.account.signOutEverywhere}
        cancelLabel={t.common.cancel}
        pending={everywhere.isPending}
        error={everywhere.error ? serverErrorText(everywhere.error, t) : null}
      />
    </>
  );
}
