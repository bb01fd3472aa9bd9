"use client";

import { apiScopes, roleCoversScope, type ApiScope } from "@aspen/core/browser";
import { Button, Callout, CopyField, Dialog, Field, Input, Select, Textarea } from "@aspen/ui";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { errorMessage, fieldErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

/** Registers an app; shows its client id and (confidential clients) the secret once. */
export function RegisterAppDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: () => void }) {
  const { t } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const grantable = apiScopes.filter((s) => roleCoversScope(tenant.role, s));
  const [name, setName] = useState("");
  const [logoUrl, setLogoUrl] = useState("");
  const [homepageUrl, setHomepageUrl] = useState("");
  const [uris, setUris] = useState("");
  const [scopes, setScopes] = useState<ApiScope[]>([]);
  const [clientType, setClientType] = useState<"confidential" | "public">("confidential");
  const create = useMutation(trpc.oauthApp.create.mutationOptions({ onSuccess: () => onCreated() }));
  const errors = create.error ? fieldErrors(create.error) : {};
  const close = () => {
    onClose();
    create.reset();
    setName("");
    setLogoUrl("");
    setHomepageUrl("");
    setUris("");
    setScopes([]);
  };
  const result = create.data;
  const uriError = Object.entries(errors).find(([k]) => k.startsWith("redirectUris"))?.[1];
  return (
    <Dialog
      open={open}
      onClose={close}
      testId="oauth-app-dialog"
      title={result ? t.oauthApps.createdTitle : t.oauthApps.registerTitle}
      description={result?.clientSecret ? t.oauthApps.createdHint : undefined}
      footer={
        result ? (
          <Button onClick={close}>{t.common.close}</Button>
        ) : (
          <>
            <Button variant="secondary" onClick={close}>
              {t.common.cancel}
            </Button>
            <Button type="submit" form="oauth-app-form" loading={create.isPending} data-testid="oauth-app-submit">
              {t.oauthApps.register}
            </Button>
          </>
        )
      }
    >
      {result ? (
        <div className="space-y-3">
          <CopyField
            label={t.oauthApps.clientId}
            value={result.app.clientId}
            testId="oauth-app-client-id"
            copyLabel={t.common.copy}
            copiedLabel={t.common.copied}
          />
          {result.clientSecret ? (
            <CopyField
              label={t.oauthApps.clientSecret}
              value={result.clientSecret}
              testId="oauth-app-secret"
              copyLabel={t.common.copy}
              copiedLabel={t.common.copied}
            />
          ) : null}
        </div>
      ) : (
        <form
          id="oauth-app-form"
          className="space-y-4"
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate({
              tenantSlug: tenant.slug,
              name: name.trim(),
              logoUrl: logoUrl.trim() || null,
              homepageUrl: homepageUrl.trim() || null,
              redirectUris: uris
                .split("\n")
                .map((u) => u.trim())
                .filter(Boolean),
              scopes,
              clientType,
            });
          }}
        >
          {create.error && !errors.name ? <Callout tone="danger">{errorMessage(create.error, t.common.somethingWrong)}</Callout> : null}
          <Field label={t.oauthApps.name} error={errors.name}>
            {(id) => (
              <Input id={id} required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} data-testid="oauth-app-name" />
            )}
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label={t.oauthApps.logoUrl} error={errors.logoUrl}>
              {(id) => <Input id={id} type="url" value={logoUrl} onChange={(e) => setLogoUrl(e.target.value)} />}
            </Field>
            <Field label={t.oauthApps.homepageUrl} error={errors.homepageUrl}>
              {(id) => <Input id={id} type="url" value={homepageUrl} onChange={(e) => setHomepageUrl(e.target.value)} />}
            </Field>
          </div>
          <Field label={t.oauthApps.redirectUris} hint={t.oauthApps.redirectUrisHint} error={uriError}>
            {(id, d) => (
              <Textarea
                id={id}
                required
                rows={3}
                value={uris}
                onChange={(e) => setUris(e.target.value)}
                aria-describedby={d}
                data-testid="oauth-app-uris"
              />
            )}
          </Field>
          <Field label={t.oauthApps.clientType}>
            {(id) => (
              <Select
                id={id}
                value={clientType}
                onChange={(e) => setClientType(e.target.value as "confidential" | "public")}
                options={[
                  { value: "confidential", label: t.oauthApps.confidential },
                  { value: "public", label: t.oauthApps.public },
                ]}
                data-testid="oauth-app-type"
              />
            )}
          </Field>
          <fieldset>
            <legend className="mb-2 text-sm font-medium text-zinc-800 dark:text-zinc-200">{t.oauthApps.scopes}</legend>
            <div className="grid max-h-56 gap-1.5 overflow-y-auto sm:grid-cols-2">
              {grantable.map((s) => (
                <label key={s} className="flex items-start gap-2 p-1 text-sm">
                  <input
                    type="checkbox"
                    className="mt-0.5"
                    checked={scopes.includes(s)}
                    onChange={(e) => setScopes((cur) => (e.target.checked ? [...cur, s] : cur.filter((x) => x !== s)))}
                    data-testid={`oauth-app-scope-${s}`}
                  />
                  <span>
                    <code className="text-xs">{s}</code>
                    <span className="block text-xs text-zinc-500 dark:text-zinc-400">{t.apiScopes[s]}</span>
                  </span>
                </label>
              ))}
            </div>
            {errors.scopes ? <p className="mt-1 text-sm text-red-600 dark:text-red-400">{errors.scopes}</p> : null}
          </fieldset>
        </form>
      )}
    </Dialog>
  );
}
