"use client";

import { Badge, Button, Callout, Card, Dialog, EmptyState, Pagination, SkeletonRows, Table, TBody, TD, TH, THead, TR } from "@aspen/ui";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatRelative } from "@/components/format/dates";
import { QueryError } from "@/components/shell/error-state";
import { PageHeader } from "@/components/shell/page-header";
import { usePaginationLabels } from "@/components/shell/pagination-labels";
import { useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { errorMessage, fieldErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { SecretDialog } from "./secret-dialog";
import { WebhookFields, type WebhookDraft } from "./webhook-fields";
import { WebhookStatus } from "./webhook-status";

const empty: WebhookDraft = { url: "", description: "", eventTypes: [] };

/** The tenant's webhook endpoints and "new endpoint" (its secret shown once). */
export function WebhookList() {
  const { t, locale, format } = useI18n();
  const w = t.webhooks;
  const tenant = useTenant();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const labels = usePaginationLabels();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [creating, setCreating] = useState(false);
  const [draft, setDraft] = useState<WebhookDraft>(empty);
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);
  const list = useQuery({
    ...trpc.webhook.list.queryOptions({ tenantSlug: tenant.slug, page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const create = useMutation(
    trpc.webhook.create.mutationOptions({
      onSuccess: async (res) => {
        setCreating(false);
        setDraft(empty);
        setCreated({ id: res.endpoint.id, secret: res.secret });
        await queryClient.invalidateQueries({ queryKey: trpc.webhook.list.pathKey() });
      },
    }),
  );
  const errors = create.error ? fieldErrors(create.error) : {};
  const newButton = (
    <Button onClick={() => setCreating(true)} data-testid="new-webhook">
      {w.new}
    </Button>
  );
  return (
    <>
      <PageHeader title={w.title} description={w.subtitle} actions={newButton} />
      <Card>
        {list.isPending ? (
          <SkeletonRows rows={3} label={t.common.loading} />
        ) : list.error ? (
          <QueryError error={list.error} onRetry={() => list.refetch()} />
        ) : list.data.total === 0 ? (
          <EmptyState title={w.empty} description={w.emptyHint} testId="webhooks-empty" />
        ) : (
          <>
            <Table data-testid="webhooks-table">
              <THead>
                <tr>
                  <TH>{w.url}</TH>
                  <TH className="hidden md:table-cell">{w.eventTypes}</TH>
                  <TH>{w.status}</TH>
                  <TH className="hidden sm:table-cell">{w.lastSuccess}</TH>
                </tr>
              </THead>
              <TBody>
                {list.data.items.map((e) => (
                  <TR key={e.id} data-testid="webhook-row">
                    <TD className="max-w-[20rem]">
                      <Link
                        href={`/t/${tenant.slug}/webhooks/${e.id}`}
                        aria-label={format(w.open, { url: e.url })}
                        className="block truncate font-mono text-sm text-emerald-700 hover:underline dark:text-emerald-400"
                      >
                        {e.url}
                      </Link>
                      {e.description ? <p className="truncate text-xs text-zinc-500 dark:text-zinc-400">{e.description}</p> : null}
                    </TD>
                    <TD className="hidden md:table-cell">
                      <div className="flex flex-wrap gap-1">
                        {e.eventTypes.length === 0 ? <Badge>*</Badge> : e.eventTypes.slice(0, 4).map((x) => <Badge key={x}>{x}</Badge>)}
                        {e.eventTypes.length > 4 ? <Badge>+{e.eventTypes.length - 4}</Badge> : null}
                      </div>
                    </TD>
                    <TD>
                      <WebhookStatus endpoint={e} />
                    </TD>
                    <TD className="hidden text-zinc-500 sm:table-cell">{formatRelative(e.lastSuccessAt, locale)}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
            <Pagination
              page={page}
              pageSize={pageSize}
              total={list.data.total}
              onPageChange={setPage}
              onPageSizeChange={(s) => {
                setPageSize(s);
                setPage(1);
              }}
              labels={labels}
            />
          </>
        )}
      </Card>
      <Dialog
        open={creating}
        onClose={() => setCreating(false)}
        title={w.createTitle}
        testId="webhook-create-dialog"
        footer={
          <>
            <Button variant="secondary" onClick={() => setCreating(false)} disabled={create.isPending}>
              {t.common.cancel}
            </Button>
            <Button
              loading={create.isPending}
              onClick={() =>
                create.mutate({
                  tenantSlug: tenant.slug,
                  url: draft.url.trim(),
                  description: draft.description,
                  eventTypes: draft.eventTypes,
                })
              }
              data-testid="webhook-create-submit"
            >
              {w.create}
            </Button>
          </>
        }
      >
        <WebhookFields
          draft={draft}
          onChange={(d) => {
            setDraft(d);
            if (create.error) create.reset();
          }}
          errors={errors}
        />
        {create.error && Object.keys(errors).length === 0 ? (
          <Callout tone="danger" className="mt-3">
            {errorMessage(create.error, t.common.somethingWrong)}
          </Callout>
        ) : null}
      </Dialog>
      <SecretDialog
        secret={created?.secret ?? null}
        onDone={() => {
          const id = created?.id;
          setCreated(null);
          if (id) router.push(`/t/${tenant.slug}/webhooks/${id}`);
        }}
      />
    </>
  );
}
