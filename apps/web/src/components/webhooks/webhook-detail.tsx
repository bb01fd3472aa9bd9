"use client";

import {
  Button,
  Callout,
  Card,
  CardBody,
  CardHeader,
  ConfirmDialog,
  Dialog,
  EmptyState,
  Field,
  Input,
  SkeletonRows,
  buttonClasses,
} from "@aspen/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { formatDateTime } from "@/components/format/dates";
import { QueryError } from "@/components/shell/error-state";
import { PageHeader } from "@/components/shell/page-header";
import { useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { errorData, errorMessage, fieldErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { DeliveryLog } from "./delivery-log";
import { SecretDialog } from "./secret-dialog";
import { WebhookFields, type WebhookDraft } from "./webhook-fields";
import { WebhookStatus } from "./webhook-status";
import type { WebhookEventType } from "@aspen/core/browser";

/** One endpoint: edit, enable/disable, rotate the secret, send a test, delete, and its delivery log. */
export function WebhookDetail({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const w = t.webhooks;
  const tenant = useTenant();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const endpoint = useQuery(trpc.webhook.byId.queryOptions({ tenantSlug: tenant.slug, id }));
  const [draft, setDraft] = useState<WebhookDraft | null>(null);
  const [saved, setSaved] = useState(false);
  const [rotating, setRotating] = useState(false);
  const [overlap, setOverlap] = useState("24");
  const [secret, setSecret] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [testSent, setTestSent] = useState(false);
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.webhook.pathKey() });
  const update = useMutation(
    trpc.webhook.update.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        setDraft(null);
        await invalidate();
      },
    }),
  );
  const toggle = useMutation(trpc.webhook.update.mutationOptions({ onSuccess: invalidate }));
  const rotate = useMutation(
    trpc.webhook.rotateSecret.mutationOptions({
      onSuccess: async (res) => {
        setRotating(false);
        setSecret(res.secret);
        await invalidate();
      },
    }),
  );
  const remove = useMutation(
    trpc.webhook.delete.mutationOptions({
      onSuccess: async () => {
        await invalidate();
        router.push(`/t/${tenant.slug}/webhooks`);
      },
    }),
  );
  const test = useMutation(
    trpc.webhook.sendTest.mutationOptions({
      onSuccess: async () => {
        setTestSent(true);
        await queryClient.invalidateQueries({ queryKey: trpc.webhook.deliveries.pathKey() });
      },
    }),
  );
  const back = (
    <Link href={`/t/${tenant.slug}/webhooks`} className={buttonClasses({ variant: "secondary" })}>
      {w.back}
    </Link>
  );
  if (endpoint.isPending)
    return (
      <>
        <PageHeader title={w.title} actions={back} />
        <SkeletonRows rows={5} label={t.common.loading} />
      </>
    );
  if (endpoint.isError) {
    const code = errorData(endpoint.error).code;
    return (
      <>
        <PageHeader title={w.title} actions={back} />
        {code === "NOT_FOUND" || code === "BAD_REQUEST" ? (
          <EmptyState title={w.notFound} />
        ) : (
          <QueryError error={endpoint.error} onRetry={() => endpoint.refetch()} />
        )}
      </>
    );
  }
  const e = endpoint.data;
  const current: WebhookDraft = draft ?? { url: e.url, description: e.description, eventTypes: e.eventTypes as WebhookEventType[] };
  const errors = update.error ? fieldErrors(update.error) : {};
  const overlapHours = Math.min(72, Math.max(0, Math.trunc(Number(overlap) || 0)));
  return (
    <>
      <PageHeader
        title={<span className="font-mono text-lg break-all">{e.url}</span>}
        description={e.description || undefined}
        actions={
          <>
            {back}
            <Button
              variant="secondary"
              loading={test.isPending}
              onClick={() => {
                setTestSent(false);
                test.mutate({ tenantSlug: tenant.slug, id });
              }}
              data-testid="webhook-send-test"
            >
              {w.sendTest}
            </Button>
          </>
        }
      />
      {testSent ? (
        <Callout tone="success" className="mb-4">
          {w.testSent}
        </Callout>
      ) : null}
      {test.error ? (
        <Callout tone="danger" className="mb-4">
          {errorMessage(test.error, t.common.somethingWrong)}
        </Callout>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <Card>
          <CardHeader title={w.editTitle} />
          <CardBody>
            <form
              className="space-y-4"
              onSubmit={(ev) => {
                ev.preventDefault();
                setSaved(false);
                update.mutate({
                  tenantSlug: tenant.slug,
                  id,
                  url: current.url.trim(),
                  description: current.description,
                  eventTypes: current.eventTypes,
                });
              }}
            >
              <WebhookFields
                draft={current}
                onChange={(d) => {
                  setDraft(d);
                  setSaved(false);
                  if (update.error) update.reset();
                }}
                errors={errors}
              />
              {update.error && Object.keys(errors).length === 0 ? (
                <Callout tone="danger">{errorMessage(update.error, t.common.somethingWrong)}</Callout>
              ) : null}
              {saved ? <Callout tone="success">{w.saved}</Callout> : null}
              <Button type="submit" loading={update.isPending} disabled={draft === null}>
                {w.save}
              </Button>
            </form>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title={w.status} actions={<WebhookStatus endpoint={e} />} />
          <CardBody className="space-y-4 text-sm">
            <dl className="space-y-1">
              <div className="flex justify-between gap-2">
                <dt className="text-zinc-500">{w.secretHint}</dt>
                <dd className="font-mono">…{e.secretHint}</dd>
              </div>
              <div className="flex justify-between gap-2">
                <dt className="text-zinc-500">{w.lastSuccess}</dt>
                <dd>{formatDateTime(e.lastSuccessAt, locale)}</dd>
              </div>
              <div className="flex justify-between gap-2">
                <dt className="text-zinc-500">{w.created}</dt>
                <dd>{formatDateTime(e.createdAt, locale)}</dd>
              </div>
            </dl>
            <div className="flex flex-wrap gap-2">
              <Button
                variant="secondary"
                size="sm"
                loading={toggle.isPending}
                onClick={() => toggle.mutate({ tenantSlug: tenant.slug, id, enabled: !e.enabled })}
              >
                {e.enabled ? w.disable : w.enable}
              </Button>
              <Button variant="secondary" size="sm" onClick={() => setRotating(true)}>
                {w.rotate}
              </Button>
              <Button variant="danger" size="sm" onClick={() => setDeleting(true)}>
                {w.delete}
              </Button>
            </div>
            {toggle.error ? <Callout tone="danger">{errorMessage(toggle.error, t.common.somethingWrong)}</Callout> : null}
          </CardBody>
        </Card>
      </div>
      <div className="mt-4">
        <DeliveryLog endpointId={id} />
      </div>
      <Dialog
        open={rotating}
        onClose={() => setRotating(false)}
        title={w.rotateTitle}
        description={w.rotateBody}
        footer={
          <>
            <Button variant="secondary" onClick={() => setRotating(false)} disabled={rotate.isPending}>
              {t.common.cancel}
            </Button>
            <Button loading={rotate.isPending} onClick={() => rotate.mutate({ tenantSlug: tenant.slug, id, overlapHours })}>
              {w.rotate}
            </Button>
          </>
        }
      >
        <Field label={w.overlap} error={rotate.error ? errorMessage(rotate.error, t.common.somethingWrong) : null}>
          {(fid) => (
            <Input id={fid} inputMode="numeric" value={overlap} onChange={(ev) => setOverlap(ev.target.value)} className="max-w-32" />
          )}
        </Field>
      </Dialog>
      <SecretDialog secret={secret} onDone={() => setSecret(null)} />
      <ConfirmDialog
        open={deleting}
        onClose={() => setDeleting(false)}
        onConfirm={() => remove.mutate({ tenantSlug: tenant.slug, id })}
        title={w.deleteTitle}
        description={w.deleteBody}
        confirmLabel={w.delete}
        cancelLabel={t.common.cancel}
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t.common.somethingWrong) : null}
      />
    </>
  );
}
