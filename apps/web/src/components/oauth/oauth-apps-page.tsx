"use client";

import { Badge, Button, Callout, Card, ConfirmDialog, CopyField, Dialog, EmptyState, SkeletonRows } from "@aspen/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatDateTime } from "@/components/format/dates";
import { QueryError } from "@/components/shell/error-state";
import { PageHeader } from "@/components/shell/page-header";
import { useCan, useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { RegisterAppDialog } from "./register-app-dialog";

function AppGrants({ appId }: { appId: string }) {
  const { t, format, locale } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const grants = useQuery(trpc.oauthApp.grants.queryOptions({ tenantSlug: tenant.slug, id: appId }));
  if (grants.isLoading) return <SkeletonRows rows={1} />;
  if (grants.error) return <QueryError error={grants.error} onRetry={() => grants.refetch()} />;
  const items = grants.data?.items ?? [];
  if (items.length === 0) return <p className="text-sm text-zinc-500">{t.oauthApps.noGrants}</p>;
  return (
    <ul className="space-y-1 text-sm" data-testid="oauth-app-grants">
      {items.map((g) => (
        <li key={g.id} className="flex flex-wrap items-center gap-2">
          <span className="font-medium">{g.userEmail ?? t.oauthApps.ownToken}</span>
          <span className="text-xs text-zinc-500">{g.scopes.join(" ")}</span>
          <span className="text-xs text-zinc-500">{format(t.oauthApps.requests, { n: g.requests })}</span>
          {g.lastUsedAt ? <span className="text-xs text-zinc-500">{formatDateTime(g.lastUsedAt, locale)}</span> : null}
          {g.revokedAt ? <Badge tone="red">{t.oauthApps.revoked}</Badge> : null}
        </li>
      ))}
    </ul>
  );
}

/** Tenant admins register third-party apps, rotate their secrets, see their grants, delete them. */
export function OAuthAppsPage() {
  const { t, format } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canManage = useCan("oauthApp.manage");
  const [registerOpen, setRegisterOpen] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  const apps = useQuery({ ...trpc.oauthApp.list.queryOptions({ tenantSlug: tenant.slug }), enabled: canManage });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.oauthApp.list.queryKey() });
  const rotate = useMutation(trpc.oauthApp.rotateSecret.mutationOptions());
  const remove = useMutation(
    trpc.oauthApp.delete.mutationOptions({
      onSuccess: async () => {
        setDeleting(null);
        await refresh();
      },
    }),
  );
  if (!canManage) {
    return (
      <>
        <PageHeader title={t.oauthApps.title} />
        <Callout tone="warning">{t.common.forbidden}</Callout>
      </>
    );
  }
  const items = apps.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t.oauthApps.title}
        description={t.oauthApps.subtitle}
        actions={
          <Button onClick={() => setRegisterOpen(true)} data-testid="oauth-app-register">
            {t.oauthApps.register}
          </Button>
        }
      />
      <Card>
        {apps.isLoading ? (
          <SkeletonRows rows={2} />
        ) : apps.error ? (
          <QueryError error={apps.error} onRetry={() => apps.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title={t.oauthApps.empty} description={t.oauthApps.emptyHint} />
        ) : (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {items.map((a) => (
              <li key={a.id} className="space-y-2 p-4" data-testid="oauth-app-row">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <div className="font-medium text-zinc-900 dark:text-zinc-100">{a.name}</div>
                    <code className="text-xs break-all text-zinc-500">{a.clientId}</code>
                    <div className="mt-1 flex flex-wrap gap-1">
                      <Badge tone="blue">{a.clientType === "public" ? "public" : "confidential"}</Badge>
                      {a.scopes.map((s) => (
                        <Badge key={s} tone="neutral" title={t.apiScopes[s]}>
                          {s}
                        </Badge>
                      ))}
                    </div>
                    <div className="mt-1 text-xs break-all text-zinc-500">{a.redirectUris.join(" · ")}</div>
                  </div>
                  <div className="flex flex-wrap gap-2">
                    <Button variant="secondary" size="sm" onClick={() => setOpen(open === a.id ? null : a.id)}>
                      {t.oauthApps.grants}
                    </Button>
                    {a.clientType === "confidential" ? (
                      <Button
                        variant="secondary"
                        size="sm"
                        loading={rotate.isPending && rotate.variables?.id === a.id}
                        onClick={() => rotate.mutate({ tenantSlug: tenant.slug, id: a.id, overlapHours: 24 })}
                      >
                        {t.oauthApps.rotate}
                      </Button>
                    ) : null}
                    <Button variant="secondary" size="sm" onClick={() => setDeleting({ id: a.id, name: a.name })}>
                      {t.common.delete}
                    </Button>
                  </div>
                </div>
                {open === a.id ? <AppGrants appId={a.id} /> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <RegisterAppDialog open={registerOpen} onClose={() => setRegisterOpen(false)} onCreated={() => void refresh()} />
      <Dialog
        open={!!rotate.data}
        onClose={() => rotate.reset()}
        title={t.oauthApps.rotatedTitle}
        description={t.oauthApps.rotatedHint}
        footer={<Button onClick={() => rotate.reset()}>{t.common.close}</Button>}
      >
        {rotate.data ? (
          <CopyField
            label={t.oauthApps.clientSecret}
            value={rotate.data.clientSecret}
            copyLabel={t.common.copy}
            copiedLabel={t.common.copied}
          />
        ) : null}
      </Dialog>
      <ConfirmDialog
        open={!!deleting}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ tenantSlug: tenant.slug, id: deleting.id })}
        title={deleting ? format(t.oauthApps.deleteTitle, { name: deleting.name }) : ""}
        description={t.oauthApps.deleteBody}
        confirmLabel={t.common.delete}
        cancelLabel={t.common.cancel}
        pending={remove.isPending}
        error={
          remove.error
            ? errorMessage(remove.error, t.common.somethingWrong)
            : rotate.error
              ? errorMessage(rotate.error, t.common.somethingWrong)
              : undefined
        }
      />
    </>
  );
}
