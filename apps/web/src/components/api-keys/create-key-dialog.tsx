"use client";

import { apiScopes, roleCoversScope, type ApiScope } from "@aspen/core/browser";
import { Button, Callout, CopyField, Dialog, Field, Input } from "@aspen/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { errorMessage, fieldErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

/** Name + scopes (only those the member's role covers) + optional expiry → the key, shown once. */
export function CreateKeyDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const grantable = apiScopes.filter((s) => roleCoversScope(tenant.role, s));
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiScope[]>([]);
  const [expires, setExpires] = useState("");
  const [noScope, setNoScope] = useState(false);
  const create = useMutation(trpc.apiKey.create.mutationOptions({ onSuccess: () => onCreated() }));
  const errors = create.error ? fieldErrors(create.error) : {};
  const close = () => {
    onClose();
    create.reset();
    setName("");
    setScopes([]);
    setExpires("");
    setNoScope(false);
  };
  const result = create.data;
  return (
    <Dialog
      open={open}
      onClose={close}
      testId="api-key-dialog"
      title={result ? t.apiKeys.createdTitle : t.apiKeys.createTitle}
      description={result ? t.apiKeys.createdHint : t.apiKeys.createHint}
      footer={
        result ? (
          <Button onClick={close} data-testid="api-key-done">
            {t.common.close}
          </Button>
        ) : (
          <>
            <Button variant="secondary" onClick={close}>
              {t.common.cancel}
            </Button>
            <Button type="submit" form="api-key-form" loading={create.isPending} data-testid="api-key-submit">
              {t.common.create}
            </Button>
          </>
        )
      }
    >
      {result ? (
        <CopyField
          label={t.apiKeys.key}
          value={result.secret}
          testId="api-key-secret"
          copyLabel={t.common.copy}
          copiedLabel={t.common.copied}
        />
      ) : (
        <form
          id="api-key-form"
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (scopes.length === 0) return setNoScope(true);
            create.mutate({
              tenantSlug: tenant.slug,
              name: name.trim(),
              scopes,
              expiresAt: expires ? new Date(`${expires}T23:59:59`) : undefined,
            });
          }}
        >
          {create.error && !errors.name ? <Callout tone="danger">{errorMessage(create.error, t.common.somethingWrong)}</Callout> : null}
          <Field label={t.apiKeys.name} error={errors.name}>
            {(id, d) => (
              <Input
                id={id}
                required
                maxLength={80}
                autoComplete="off"
                placeholder={t.apiKeys.namePlaceholder}
                value={name}
                onChange={(e) => setName(e.target.value)}
                aria-describedby={d}
                invalid={!!errors.name}
                data-testid="api-key-name"
              />
            )}
          </Field>
          <fieldset>
            <legend className="mb-2 text-sm font-medium text-zinc-800 dark:text-zinc-200">{t.apiKeys.scopes}</legend>
            <div className="grid max-h-64 gap-1.5 overflow-y-auto sm:grid-cols-2">
              {grantable.map((s) => (
                <label key={s} className="flex items-start gap-2 rounded-md p-1.5 text-sm hover:bg-zinc-50 dark:hover:bg-zinc-900">
                  <input
                    type="checkbox"
                    className="mt-0.5"
                    checked={scopes.includes(s)}
                    onChange={(e) => {
                      setNoScope(false);
                      setScopes((cur) => (e.target.checked ? [...cur, s] : cur.filter((x) => x !== s)));
                    }}
                    data-testid={`api-key-scope-${s}`}
                  />
                  <span className="min-w-0">
                    <code className="text-xs text-zinc-900 dark:text-zinc-100">{s}</code>
                    <span className="block text-xs text-zinc-500 dark:text-zinc-400">{t.apiScopes[s]}</span>
                  </span>
                </label>
              ))}
            </div>
            {noScope ? <p className="mt-1 text-sm text-red-600 dark:text-red-400">{t.apiKeys.selectScope}</p> : null}
          </fieldset>
          <Field label={t.apiKeys.expires} hint={t.apiKeys.expiresHint} error={errors.expiresAt}>
            {(id, d) => (
              <Input
                id={id}
                type="date"
                value={expires}
                onChange={(e) => setExpires(e.target.value)}
                aria-describedby={d}
                data-testid="api-key-expires"
              />
            )}
          </Field>
        </form>
      )}
    </Dialog>
  );
}
