"use client";

import { Button, Callout, Card, CardBody, CardHeader, Select, SkeletonRows } from "@aspen/ui";
import { severities, type Severity } from "@aspen/core/browser";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { QueryError } from "@/components/shell/error-state";
import { useI18n } from "@/i18n/provider";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

function PreferencesForm({ slug }: { slug: string }) {
  const { t } = useI18n();
  const n = t.notifications;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const prefs = useQuery(trpc.notification.preferences.queryOptions({ tenantSlug: slug }));
  const [emailSeverities, setEmailSeverities] = useState<Severity[]>([]);
  const [dailyDigest, setDailyDigest] = useState(false);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (!prefs.data) return;
    setEmailSeverities(prefs.data.emailSeverities);
    setDailyDigest(prefs.data.dailyDigest);
  }, [prefs.data]);
  const save = useMutation(
    trpc.notification.updatePreferences.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.notification.preferences.queryKey({ tenantSlug: slug }) });
      },
    }),
  );
  if (prefs.isPending) return <SkeletonRows rows={3} label={t.common.loading} />;
  if (prefs.isError) return <QueryError error={prefs.error} onRetry={() => prefs.refetch()} />;
  return (
    <form
      className="space-y-4"
      data-testid="notification-preferences"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        save.mutate({ tenantSlug: slug, emailSeverities, dailyDigest });
      }}
    >
      {prefs.data.emailAvailable ? null : <Callout tone="info">{n.noSmtp}</Callout>}
      <fieldset>
        <legend className="text-sm font-medium">{n.emailSeverities}</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {severities.map((s) => (
            <label key={s} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="size-4 accent-emerald-600"
                checked={emailSeverities.includes(s)}
                onChange={(e) => setEmailSeverities((cur) => (e.target.checked ? [...cur, s] : cur.filter((x) => x !== s)))}
              />
              {t.severity[s]}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          className="size-4 accent-emerald-600"
          checked={dailyDigest}
          onChange={(e) => setDailyDigest(e.target.checked)}
        />
        {n.dailyDigest}
      </label>
      {save.error ? <Callout tone="danger">{errorMessage(save.error, t.common.somethingWrong)}</Callout> : null}
      {saved && !save.error ? <Callout tone="success">{n.saved}</Callout> : null}
      <Button type="submit" loading={save.isPending}>
        {t.common.save}
      </Button>
    </form>
  );
}

/** The account page's notification section: per tenant, which severities email at once, and the digest. */
export function NotificationPreferences() {
  const { t } = useI18n();
  const n = t.notifications;
  const trpc = useTRPC();
  const tenants = useQuery(trpc.tenant.list.queryOptions({ page: 1, pageSize: 100 }));
  const [slug, setSlug] = useState("");
  const current = slug || tenants.data?.items[0]?.slug || "";
  return (
    <Card>
      <CardHeader title={n.prefsTitle} description={n.prefsSubtitle} />
      <CardBody className="space-y-4">
        {tenants.isPending ? (
          <SkeletonRows rows={2} label={t.common.loading} />
        ) : tenants.isError ? (
          <QueryError error={tenants.error} onRetry={() => tenants.refetch()} />
        ) : tenants.data.items.length === 0 ? (
          <p className="text-sm text-zinc-500">{n.noTenant}</p>
        ) : (
          <>
            {tenants.data.items.length > 1 ? (
              <div className="max-w-xs">
                <label htmlFor="prefs-tenant" className="mb-1 block text-sm font-medium">
                  {n.prefsTenant}
                </label>
                <Select
                  id="prefs-tenant"
                  value={current}
                  onChange={(e) => setSlug(e.target.value)}
                  options={tenants.data.items.map((x) => ({ value: x.slug, label: x.name }))}
                />
              </div>
            ) : null}
            <PreferencesForm key={current} slug={current} />
          </>
        )}
      </CardBody>
    </Card>
  );
}
