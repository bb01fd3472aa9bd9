"use client";

import { Button, Callout, Card, CardBody, CardHeader, Field, Input } from "@aspen/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { format } from "@/i18n/locales";
import { useI18n } from "@/i18n/provider";
import { fieldErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

/** Account page card: turn TOTP on (key, first code, recovery codes shown once) or off (password). */
export function TwoFactorCard() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const status = useQuery(trpc.account.totpStatus.queryOptions());
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.account.totpStatus.queryKey() });
  const begin = useMutation(trpc.account.totpBegin.mutationOptions());
  const enable = useMutation(trpc.account.totpEnable.mutationOptions({ onSuccess: () => void refresh() }));
  const disable = useMutation(trpc.account.totpDisable.mutationOptions({ onSuccess: () => void refresh() }));
  const [codes, setCodes] = useState<string[] | null>(null);
  const enableErrors = enable.error ? fieldErrors(enable.error) : {};
  const disableErrors = disable.error ? fieldErrors(disable.error) : {};
  const on = status.data?.enabled ?? false;

  return (
    <Card>
      <CardHeader title={t.twoFactor.title} />
      <CardBody>
        <div className="max-w-md space-y-4 text-sm" data-testid="two-factor">
          <p data-testid="two-factor-status">
            {on ? format(t.twoFactor.on, { count: status.data?.recoveryCodesLeft ?? 0 }) : t.twoFactor.off}
          </p>
          {codes ? (
            <Callout tone="success" data-testid="recovery-codes">
              <p className="font-medium">{t.twoFactor.recoveryTitle}</p>
              <p className="mt-1">{t.twoFactor.recoveryHelp}</p>
              <ul className="mt-2 grid grid-cols-2 gap-1 font-mono">
                {codes.map((c) => (
                  <li key={c}>{c}</li>
                ))}
              </ul>
            </Callout>
          ) : null}
          {!on && !begin.data ? (
            <Button onClick={() => begin.mutate()} loading={begin.isPending} data-testid="totp-begin">
              {t.twoFactor.setUp}
            </Button>
          ) : null}
          {!on && begin.data ? (
            <form
              className="space-y-3"
              onSubmit={(e) => {
                e.preventDefault();
                const code = String(new FormData(e.currentTarget).get("code") ?? "");
                enable.mutate({ code }, { onSuccess: (r) => setCodes(r.recoveryCodes) });
              }}
            >
              <p>{t.twoFactor.scan}</p>
              <p>
                {t.twoFactor.key}:{" "}
                <code className="break-all font-mono" data-testid="totp-secret">
                  {begin.data.secret}
                </code>
              </p>
              <a className="text-emerald-700 hover:underline dark:text-emerald-400" href={begin.data.uri}>
                {t.twoFactor.openInApp}
              </a>
              <Field label={t.twoFactor.code} error={enableErrors.code}>
                {(id, d) => (
                  <Input
                    id={id}
                    name="code"
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    required
                    maxLength={6}
                    aria-describedby={d}
                    invalid={!!enableErrors.code}
                    data-testid="totp-code"
                  />
                )}
              </Field>
              <Button type="submit" loading={enable.isPending} data-testid="totp-enable">
                {t.twoFactor.confirm}
              </Button>
            </form>
          ) : null}
          {on ? (
            <form
              className="space-y-3"
              onSubmit={(e) => {
                e.preventDefault();
                disable.mutate(
                  { password: String(new FormData(e.currentTarget).get("password") ?? "") },
                  { onSuccess: () => (setCodes(null), begin.reset()) },
                );
              }}
            >
              <Field label={t.twoFactor.passwordToTurnOff} error={disableErrors.password}>
                {(id, d) => (
                  <Input
                    id={id}
                    name="password"
                    type="password"
                    autoComplete="current-password"
                    required
                    aria-describedby={d}
                    invalid={!!disableErrors.password}
                    data-testid="totp-password"
                  />
                )}
              </Field>
              <Button type="submit" variant="secondary" loading={disable.isPending} data-testid="totp-disable">
                {t.twoFactor.turnOff}
              </Button>
            </form>
          ) : null}
        </div>
      </CardBody>
    </Card>
  );
}
