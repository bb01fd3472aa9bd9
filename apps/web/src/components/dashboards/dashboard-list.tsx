"use client";

import { Button, Card, ConfirmDialog, Dialog, EmptyState, Field, Input, SkeletonRows } from "@aspen/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatRelative } from "@/components/format/dates";
import { QueryError } from "@/components/shell/error-state";
import { PageHeader } from "@/components/shell/page-header";
import { useCan, useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

/** The tenant's dashboards: open, create (editors), delete after confirming. */
export function DashboardList() {
  const { t, locale, format } = useI18n();
  const d = t.dashboards;
  const tenant = useTenant();
  const canEdit = useCan("device.write");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState("");
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  const list = useQuery(trpc.dashboard.list.queryOptions({ tenantSlug: tenant.slug }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.dashboard.list.pathKey() });
  const create = useMutation(
    trpc.dashboard.create.mutationOptions({
      onSuccess: async (res) => {
        await refresh();
        router.push(`/t/${tenant.slug}/dashboards/${res.id}?edit=1`);
      },
    }),
  );
  const remove = useMutation(
    trpc.dashboard.delete.mutationOptions({
      onSuccess: async () => {
        setDeleting(null);
        await refresh();
      },
    }),
  );
  const newButton = canEdit ? (
    <Button onClick={() => setCreating(true)} data-testid="new-dashboard">
      {d.new}
    </Button>
  ) : null;
  return (
    <>
      <PageHeader title={d.title} description={d.subtitle} actions={newButton} />
      <Card>
        {list.isPending ? (
          <SkeletonRows rows={3} label={t.common.loading} />
        ) : list.error ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data.items.length === 0 ? (
          <EmptyState title={d.empty} description={d.emptyHint} action={newButton} testId="dashboards-empty" />
        ) : (
          <ul className="divide-y divide-zinc-100 dark:divide-zinc-800" data-testid="dashboards-list">
            {list.data.items.map((x) => (
              <li key={x.id} className="flex items-center justify-between gap-3 px-4 py-3" data-testid="dashboard-row">
                <div className="min-w-0">
                  <Link
                    href={`/t/${tenant.slug}/dashboards/${x.id}`}
                    aria-label={format(d.open, { name: x.name })}
                    className="block truncate font-medium text-emerald-700 hover:underline dark:text-emerald-400"
                  >
                    {x.name}
                  </Link>
                  <p className="text-xs text-zinc-500 dark:text-zinc-400">
                    {format(d.widgets, { count: x.layout.widgets.length })} ·{" "}
                    {format(d.updated, { when: formatRelative(x.updatedAt, locale) })}
                  </p>
                </div>
                {canEdit ? (
                  <Button variant="ghost" size="sm" onClick={() => setDeleting({ id: x.id, name: x.name })} data-testid="delete-dashboard">
                    {d.delete}
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Dialog
        open={creating}
        onClose={() => setCreating(false)}
        title={d.new}
        testId="new-dashboard-dialog"
        footer={
          <>
            <Button variant="secondary" onClick={() => setCreating(false)}>
              {d.cancel}
            </Button>
            <Button
              onClick={() => create.mutate({ tenantSlug: tenant.slug, name })}
              disabled={create.isPending || !name.trim()}
              data-testid="create-dashboard"
            >
              {d.create}
            </Button>
          </>
        }
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (name.trim()) create.mutate({ tenantSlug: tenant.slug, name });
          }}
        >
          <Field label={d.name} error={create.error ? errorMessage(create.error, t.common.somethingWrong) : undefined}>
            {(id, describedBy) => (
              <Input
                id={id}
                aria-describedby={describedBy}
                value={name}
                onChange={(e) => setName(e.target.value)}
                maxLength={80}
                data-testid="dashboard-name"
              />
            )}
          </Field>
        </form>
      </Dialog>
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ tenantSlug: tenant.slug, id: deleting.id })}
        title={format(d.deleteTitle, { name: deleting?.name ?? "" })}
        description={d.deleteHint}
        confirmLabel={d.delete}
        cancelLabel={d.cancel}
        tone="danger"
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t.common.somethingWrong) : null}
        testId="delete-dashboard-dialog"
      />
    </>
  );
}
