"use client";

import { Button, Callout, Card, CardBody, CardHeader, ConfirmDialog, Dialog, FieldError, Skeleton, Textarea } from "@aspen/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { formatDateTime, formatRelative } from "@/components/format/dates";
import { QueryError } from "@/components/shell/error-state";
import { PageHeader } from "@/components/shell/page-header";
import { useCan, useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { errorData, errorMessage, fieldErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { CredentialsPanel } from "./credentials-panel";
import { formatLabels, parseLabels } from "./labels";
import { DeviceStatusBadge, LabelChips } from "./status-badge";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

type Confirm = "disable" | "rotate" | "delete" | null;

export function DeviceDetail({ id }: { id: string }) {
  const { t, format, locale } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const canWrite = useCan("device.write");
  const canSecret = useCan("device.secret");
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [editingLabels, setEditingLabels] = useState(false);
  const [labelsText, setLabelsText] = useState("");
  const [labelsError, setLabelsError] = useState<string | null>(null);

  const queryKey = trpc.device.byId.queryKey({ tenantSlug: tenant.slug, id });
  const device = useQuery(trpc.device.byId.queryOptions({ tenantSlug: tenant.slug, id }));
  const refreshLists = () => {
    void queryClient.invalidateQueries({ queryKey: trpc.device.list.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.tenant.overview.queryKey() });
  };
  const setEnabled = useMutation(
    trpc.device.setEnabled.mutationOptions({
      onSuccess: (d) => {
        setConfirm(null);
        queryClient.setQueryData(queryKey, (old) => (old ? { ...old, ...d } : old));
        refreshLists();
      },
    }),
  );
  const rotate = useMutation(
    trpc.device.rotateSecret.mutationOptions({
      onSuccess: (r) => {
        setConfirm(null);
        queryClient.setQueryData(queryKey, (old) => (old ? { ...old, ...r.device } : old));
      },
    }),
  );
  const remove = useMutation(
    trpc.device.delete.mutationOptions({
      onSuccess: () => {
        refreshLists();
        void queryClient.invalidateQueries({ queryKey: trpc.product.pathKey() });
        router.push(`/t/${tenant.slug}/devices`);
      },
    }),
  );
  const update = useMutation(
    trpc.device.update.mutationOptions({
      onSuccess: (d) => {
        setEditingLabels(false);
        queryClient.setQueryData(queryKey, (old) => (old ? { ...old, ...d } : old));
        refreshLists();
      },
    }),
  );

  if (device.isPending) {
    return (
      <div data-testid="page-loading">
        <Skeleton className="mb-6 h-8 w-64" />
        <div className="grid gap-6 lg:grid-cols-3">
          <Skeleton className="h-64 lg:col-span-2" />
          <Skeleton className="h-64" />
        </div>
      </div>
    );
  }
  if (device.error) {
    const code = errorData(device.error).code;
    return (
      <Card>
        {code === "NOT_FOUND" || code === "BAD_REQUEST" ? (
          <div className="px-4 py-10 text-center" data-testid="not-found">
            <p className="font-medium">{t.common.notFoundTitle}</p>
            <p className="text-sm text-zinc-500">{t.common.notFoundHint}</p>
          </div>
        ) : (
          <QueryError error={device.error} onRetry={() => device.refetch()} />
        )}
      </Card>
    );
  }
  const d = device.data;
  const labelErrors = update.error ? fieldErrors(update.error) : {};
  const serverLabelError = update.error ? (Object.entries(labelErrors).find(([k]) => k.startsWith("labels"))?.[1] ?? errorMessage(update.error, t.common.somethingWrong)) : null;

  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            <span className="font-mono break-all" data-testid="device-title">
              {d.name}
            </span>
            <DeviceStatusBadge status={d.status} />
          </span>
        }
        description={
          <Link href={`/t/${tenant.slug}/products/${d.productId}`} className="hover:underline">
            {d.productName}
          </Link>
        }
        actions={
          canWrite ? (
            d.enabled ? (
              <Button variant="secondary" onClick={() => setConfirm("disable")} data-testid="device-disable">
                {t.devices.disable}
              </Button>
            ) : (
              <Button onClick={() => setEnabled.mutate({ tenantSlug: tenant.slug, id: d.id, enabled: true })} loading={setEnabled.isPending} data-testid="device-enable">
                {t.devices.enable}
              </Button>
            )
          ) : null
        }
      />
      {setEnabled.error && confirm === null ? <Callout tone="danger" className="mb-4">{errorMessage(setEnabled.error, t.common.somethingWrong)}</Callout> : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader title={t.devices.info} />
            <CardBody>
              <dl className="grid grid-cols-[8rem_minmax(0,1fr)] gap-x-4 gap-y-3 text-sm sm:grid-cols-[10rem_minmax(0,1fr)]">
                <Row label={t.devices.id}>
                  <code className="font-mono text-xs" data-testid="device-id">
                    {d.id}
                  </code>
                </Row>
                <Row label={t.devices.username}>
                  <code className="font-mono text-xs" data-testid="device-mqtt-username">
                    {d.mqttUsername}
                  </code>
                </Row>
                <Row label={t.devices.secretHint}>
                  <code className="font-mono text-xs" data-testid="device-secret-hint">
                    {d.secretHint}
                  </code>
                </Row>
                <Row label={t.devices.status}>{d.enabled ? t.devices.enabled : t.devices.disabled}</Row>
                <Row label={t.devices.lastSeen}>{d.lastSeenAt ? `${formatRelative(d.lastSeenAt, locale)} (${formatDateTime(d.lastSeenAt, locale)})` : t.devices.never}</Row>
                <Row label={t.devices.createdAt}>{formatDateTime(d.createdAt, locale)}</Row>
              </dl>
            </CardBody>
          </Card>

          <Card>
            <CardHeader
              title={t.devices.labels}
              actions={
                canWrite && !editingLabels ? (
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => {
                      setLabelsText(formatLabels(d.labels));
                      setLabelsError(null);
                      update.reset();
                      setEditingLabels(true);
                    }}
                    data-testid="edit-labels"
                  >
                    {t.devices.editLabels}
                  </Button>
                ) : null
              }
            />
            <CardBody>
              {editingLabels ? (
                <form
                  className="space-y-3"
                  onSubmit={(e) => {
                    e.preventDefault();
                    const parsed = parseLabels(labelsText);
                    if (!parsed.ok) {
                      setLabelsError(format(t.devices.invalidLabel, { line: parsed.line }));
                      return;
                    }
                    setLabelsError(null);
                    update.mutate({ tenantSlug: tenant.slug, id: d.id, labels: parsed.labels });
                  }}
                >
                  <Textarea
                    rows={4}
                    className="font-mono"
                    value={labelsText}
                    onChange={(e) => setLabelsText(e.target.value)}
                    aria-label={t.devices.labels}
                    placeholder={"site=berlin\nfloor=2"}
                    data-testid="labels-input"
                  />
                  <p className="text-xs text-zinc-500 dark:text-zinc-400">{t.devices.labelsHint}</p>
                  <FieldError message={labelsError ?? serverLabelError} testId="labels-error" />
                  <div className="flex gap-2">
                    <Button type="submit" size="sm" loading={update.isPending} data-testid="save-labels">
                      {t.devices.saveLabels}
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setEditingLabels(false)}>
                      {t.common.cancel}
                    </Button>
                  </div>
                </form>
              ) : Object.keys(d.labels).length ? (
                <div data-testid="device-labels">
                  <LabelChips labels={d.labels} max={50} />
                </div>
              ) : (
                <p className="text-sm text-zinc-500 dark:text-zinc-400" data-testid="device-labels">
                  {t.devices.noLabels}
                </p>
              )}
            </CardBody>
          </Card>
        </div>

        {canSecret || canWrite ? (
          <Card className="h-fit border-red-200 dark:border-red-900/60">
            <CardHeader title={t.devices.dangerZone} />
            <CardBody className="space-y-4">
              {canSecret ? (
                <div>
                  <Button variant="secondary" className="w-full" onClick={() => setConfirm("rotate")} data-testid="rotate-secret">
                    {t.devices.rotateSecret}
                  </Button>
                  <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{t.devices.rotateBody}</p>
                </div>
              ) : null}
              {canWrite ? (
                <div>
                  <Button variant="danger" className="w-full" onClick={() => setConfirm("delete")} data-testid="device-delete">
                    {t.devices.deleteDevice}
                  </Button>
                  <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{t.devices.deleteBody}</p>
                </div>
              ) : null}
            </CardBody>
          </Card>
        ) : null}
      </div>

      <ConfirmDialog
        open={confirm === "disable"}
        onClose={() => setConfirm(null)}
        onConfirm={() => setEnabled.mutate({ tenantSlug: tenant.slug, id: d.id, enabled: false })}
        testId="disable-device-dialog"
        title={format(t.devices.disableConfirm, { name: d.name })}
        description={t.devices.disableBody}
        confirmLabel={t.devices.disable}
        cancelLabel={t.common.cancel}
        pending={setEnabled.isPending}
        error={setEnabled.error ? errorMessage(setEnabled.error, t.common.somethingWrong) : null}
      />
      <ConfirmDialog
        open={confirm === "rotate"}
        onClose={() => setConfirm(null)}
        onConfirm={() => rotate.mutate({ tenantSlug: tenant.slug, id: d.id })}
        testId="rotate-secret-dialog"
        title={format(t.devices.rotateConfirm, { name: d.name })}
        description={t.devices.rotateBody}
        confirmLabel={t.devices.rotateSecret}
        cancelLabel={t.common.cancel}
        pending={rotate.isPending}
        error={rotate.error ? errorMessage(rotate.error, t.common.somethingWrong) : null}
      />
      <ConfirmDialog
        open={confirm === "delete"}
        onClose={() => {
          setConfirm(null);
          remove.reset();
        }}
        onConfirm={() => remove.mutate({ tenantSlug: tenant.slug, id: d.id })}
        testId="delete-device-dialog"
        title={format(t.devices.deleteConfirm, { name: d.name })}
        description={t.devices.deleteBody}
        confirmLabel={t.common.delete}
        cancelLabel={t.common.cancel}
        typeToConfirm={d.name}
        typeToConfirmLabel={format(t.devices.typeName, { name: d.name })}
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t.common.somethingWrong) : null}
      />
      <Dialog
        open={!!rotate.data}
        onClose={() => rotate.reset()}
        dismissible={false}
        className="max-w-2xl"
        testId="rotated-secret-dialog"
        title={format(t.devices.newSecretTitle, { name: d.name })}
        footer={
          <Button onClick={() => rotate.reset()} data-testid="rotated-done">
            {t.devices.done}
          </Button>
        }
      >
        {rotate.data ? <CredentialsPanel credentials={rotate.data} /> : null}
      </Dialog>
    </>
  );
}
