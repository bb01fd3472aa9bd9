"use client";

import { Badge, Button, Card, ConfirmDialog, EmptyState, SkeletonRows } from "@aspen/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatDate, formatDateTime } from "@/components/format/dates";
import { QueryError } from "@/components/shell/error-state";
import { PageHeader } from "@/components/shell/page-header";
import { useI18n } from "@/i18n/provider";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

/** The apps the user authorised, per tenant, with what they may do; revoke ends their access at once. */
export function ConnectedApps() {
  const { t, format, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const grants = useQuery(trpc.oauthGrant.mine.queryOptions({}));
  const [revoking, setRevoking] = useState<{ id: string; name: string } | null>(null);
  const revoke = useMutation(
    trpc.oauthGrant.revoke.mutationOptions({
      onSuccess: async () => {
        setRevoking(null);
        await queryClient.invalidateQueries({ queryKey: trpc.oauthGrant.mine.queryKey() });
      },
    }),
  );
  const items = grants.data?.items ?? [];
  return (
    <>
      <PageHeader title={t.oauth.connectedApps} description={t.oauth.connectedAppsHint} />
      <Card>
        {grants.isLoading ? (
          <SkeletonRows rows={2} />
        ) : grants.error ? (
          <QueryError error={grants.error} onRetry={() => grants.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState title={t.oauth.noConnectedApps} />
        ) : (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {items.map((g) => (
              <li key={g.id} className="flex flex-wrap items-start justify-between gap-3 p-4" data-testid="connected-app">
                <div className="min-w-0">
                  <div className="font-medium text-zinc-900 dark:text-zinc-100">
                    {g.app.name} <span className="text-sm font-normal text-zinc-500">· {g.tenant.name}</span>
                  </div>
                  <div className="mt-1 flex flex-wrap gap-1">
                    {g.scopes.map((s) => (
                      <Badge key={s} tone="neutral" title={t.apiScopes[s]}>
                        {s}
                      </Badge>
                    ))}
                  </div>
                  <div className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
                    {format(t.oauth.grantedOn, { date: formatDate(g.createdAt, locale) })}
                    {g.lastUsedAt ? ` · ${format(t.oauth.lastUsed, { date: formatDateTime(g.lastUsedAt, locale) })}` : ""}
                  </div>
                </div>
                <Button
                  variant="secondary"
                  size="sm"
                  onClick={() => setRevoking({ id: g.id, name: g.app.name })}
                  data-testid="connected-app-revoke"
                >
                  {t.oauth.revoke}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </Card>
      <ConfirmDialog
        open={!!revoking}
        onClose={() => setRevoking(null)}
        onConfirm={() => revoking && revoke.mutate({ id: revoking.id })}
        title={revoking ? `${t.oauth.revoke}: ${revoking.name}` : ""}
        description={t.apiKeys.revokeBody}
        confirmLabel={t.oauth.revoke}
        cancelLabel={t.common.cancel}
        pending={revoke.isPending}
        error={revoke.error ? errorMessage(revoke.error, t.common.somethingWrong) : undefined}
      />
    </>
  );
}
