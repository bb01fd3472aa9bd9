"use client";

import { Badge, Button, Callout, Card, ConfirmDialog, EmptyState, SkeletonRows, Table, TBody, TD, TH, THead, TR } from "@aspen/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formatDate, formatDateTime } from "@/components/format/dates";
import { QueryError } from "@/components/shell/error-state";
import { PageHeader } from "@/components/shell/page-header";
import { useCan, useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { CreateKeyDialog } from "./create-key-dialog";

const statusTone = { active: "green", expired: "neutral", revoked: "red" } as const;

/** The tenant's API keys: create (shown once), see scopes, last use and expiry, revoke. */
export function ApiKeysPage() {
  const { t, format, locale } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canManage = useCan("apiKey.manage");
  const [createOpen, setCreateOpen] = useState(false);
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);
  const keys = useQuery({ ...trpc.apiKey.list.queryOptions({ tenantSlug: tenant.slug }), enabled: canManage });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiKey.list.queryKey() });
  const revoke = useMutation(
    trpc.apiKey.revoke.mutationOptions({
      onSuccess: async () => {
        setRevoking(null);
        await refresh();
      },
    }),
  );
  const canApps = useCan("oauthApp.manage");
  const docs = (
    <>
      {canApps ? (
        <Link
          href={`/t/${tenant.slug}/oauth-apps`}
          className="text-sm font-medium text-emerald-700 hover:underline dark:text-emerald-400"
          data-testid="oauth-apps-link"
        >
          {t.oauthApps.link} →
        </Link>
      ) : null}
      <Link
        href="/docs/api"
        className="text-sm font-medium text-emerald-700 hover:underline dark:text-emerald-400"
        data-testid="api-docs-link"
      >
        {t.apiKeys.docsLink} →
      </Link>
    </>
  );

  if (!canManage) {
    return (
      <>
        <PageHeader title={t.apiKeys.title} actions={docs} />
        <Callout tone="warning">{t.common.forbidden}</Callout>
      </>
    );
  }

  const items = keys.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t.apiKeys.title}
        description={
          <>
            {t.apiKeys.subtitle}{" "}
            <span data-testid="api-plan-limit">
              {format(t.plans.apiLimit, { plan: t.plans[tenant.plan], limit: tenant.apiRequestsPerMinute.toLocaleString(locale) })}
            </span>
          </>
        }
        actions={
          <>
            {docs}
            <Button onClick={() => setCreateOpen(true)} data-testid="api-key-create">
              {t.apiKeys.create}
            </Button>
          </>
        }
      />
      <Card>
        {keys.isLoading ? (
          <SkeletonRows rows={3} />
        ) : keys.error ? (
          <QueryError error={keys.error} onRetry={() => keys.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title={t.apiKeys.empty} description={t.apiKeys.emptyHint} />
        ) : (
          <Table>
            <THead>
              <TR>
                <TH>{t.apiKeys.name}</TH>
                <TH>{t.apiKeys.scopes}</TH>
                <TH className="hidden md:table-cell">{t.apiKeys.createdBy}</TH>
                <TH className="hidden sm:table-cell">{t.apiKeys.lastUsed}</TH>
                <TH className="hidden lg:table-cell">{t.apiKeys.expires}</TH>
                <TH>{t.common.status}</TH>
                <TH className="text-right">
                  <span className="sr-only">{t.common.actions}</span>
                </TH>
              </TR>
            </THead>
            <TBody>
              {items.map((k) => (
                <TR key={k.id} data-testid="api-key-row">
                  <TD>
                    <div className="font-medium text-zinc-900 dark:text-zinc-100">{k.name}</div>
                    <code className="text-xs text-zinc-500 dark:text-zinc-400">{k.prefix}…</code>
                  </TD>
                  <TD>
                    <div className="flex max-w-xs flex-wrap gap-1">
                      {k.scopes.map((s) => (
                        <Badge key={s} tone="neutral" title={t.apiScopes[s]}>
                          {s}
                        </Badge>
                      ))}
                    </div>
                  </TD>
                  <TD className="hidden md:table-cell">
                    <div>{k.createdBy ?? "—"}</div>
                    <div className="text-xs text-zinc-500 dark:text-zinc-400">{formatDate(k.createdAt, locale)}</div>
                  </TD>
                  <TD className="hidden sm:table-cell">{k.lastUsedAt ? formatDateTime(k.lastUsedAt, locale) : t.common.never}</TD>
                  <TD className="hidden lg:table-cell">{k.expiresAt ? formatDate(k.expiresAt, locale) : t.apiKeys.noExpiry}</TD>
                  <TD>
                    <Badge tone={statusTone[k.status]} data-testid="api-key-status">
                      {t.apiKeys[k.status]}
                    </Badge>
                  </TD>
                  <TD className="text-right">
                    {k.status !== "revoked" ? (
                      <Button
                        variant="secondary"
                        size="sm"
                        onClick={() => setRevoking({ id: k.id, name: k.name })}
                        data-testid="api-key-revoke"
                      >
                        {t.apiKeys.revoke}
                      </Button>
                    ) : null}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
      <CreateKeyDialog open={createOpen} onClose={() => setCreateOpen(false)} onCreated={() => void refresh()} />
      <ConfirmDialog
        open={!!revoking}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
        onConfirm={() => revoking && revoke.mutate({ tenantSlug: tenant.slug, id: revoking.id })}
        title={revoking ? format(t.apiKeys.revokeTitle, { name: revoking.name }) : ""}
        description={t.apiKeys.revokeBody}
        confirmLabel={t.apiKeys.revoke}
        cancelLabel={t.common.cancel}
        pending={revoke.isPending}
        error={revoke.error ? errorMessage(revoke.error, t.common.somethingWrong) : undefined}
        testId="api-key-revoke-dialog"
      />
    </>
  );
}
