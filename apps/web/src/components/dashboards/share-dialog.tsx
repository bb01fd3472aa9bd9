"use client";

import { Button, Callout, CopyField, Dialog } from "@aspen/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatRelative } from "@/components/format/dates";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";

/** A dashboard's share links: make one (its URL shown once), see and revoke the others. */
export function ShareDialog({
  open,
  onClose,
  tenantSlug,
  dashboardId,
}: {
  open: boolean;
  onClose: () => void;
  tenantSlug: string;
  dashboardId: string;
}) {
  const { t, locale, format } = useI18n();
  const d = t.dashboards;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [link, setLink] = useState<string | null>(null);
  const list = useQuery({ ...trpc.dashboardShare.list.queryOptions({ tenantSlug, dashboardId }), enabled: open });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.dashboardShare.list.pathKey() });
  const create = useMutation(
    trpc.dashboardShare.create.mutationOptions({
      onSuccess: async (res) => {
        setLink(`${window.location.origin}/share/${res.token}`);
        await refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.dashboardShare.revoke.mutationOptions({ onSuccess: () => refresh() }));
  return (
    <Dialog
      open={open}
      onClose={() => {
        setLink(null);
        onClose();
      }}
      title={d.shareTitle}
      description={d.shareHint}
      testId="share-dialog"
      footer={
        <Button variant="secondary" onClick={onClose}>
          {d.close}
        </Button>
      }
    >
      <div className="space-y-4">
        <Button onClick={() => create.mutate({ tenantSlug, dashboardId })} disabled={create.isPending} data-testid="new-share-link">
          {d.newLink}
        </Button>
        {link ? (
          <Callout tone="warning">
            <p className="mb-2 text-sm">{d.linkOnce}</p>
            <CopyField value={link} testId="share-link" copyLabel={t.common.copy} copiedLabel={t.common.copied} />
          </Callout>
        ) : null}
        {list.data && list.data.items.length === 0 ? <p className="text-sm text-zinc-500 dark:text-zinc-400">{d.noLinks}</p> : null}
        <ul className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {list.data?.items.map((s) => (
            <li key={s.id} className="flex items-center justify-between gap-2 py-2 text-sm" data-testid="share-row">
              <span className="min-w-0">
                <span className="font-mono">{s.tokenHint}</span>
                <span className="ml-2 text-xs text-zinc-500 dark:text-zinc-400">
                  {s.revokedAt
                    ? format(d.revoked, { when: formatRelative(s.revokedAt, locale) })
                    : format(d.createdAt, { when: formatRelative(s.createdAt, locale) })}
                  {s.lastUsedAt && !s.revokedAt ? ` · ${format(d.lastUsed, { when: formatRelative(s.lastUsedAt, locale) })}` : null}
                </span>
              </span>
              {s.revokedAt ? null : (
                <Button
                  size="sm"
                  variant="danger"
                  onClick={() => revoke.mutate({ tenantSlug, id: s.id })}
                  disabled={revoke.isPending}
                  data-testid="revoke-share"
                >
                  {d.revoke}
                </Button>
              )}
            </li>
          ))}
        </ul>
      </div>
    </Dialog>
  );
}
