"use client";

import { Button, Card, CardBody, CardHeader, Callout, ConfirmDialog, CopyField, Dialog, Skeleton, buttonClasses } from "@aspen/ui";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { QueryError } from "@/components/shell/error-state";
import { PageHeader } from "@/components/shell/page-header";
import { useCan, useTenant } from "@/components/tenant/tenant-context";
import { serverErrorText } from "@/components/forms/server-errors";
import { useI18n } from "@/i18n/provider";
import { errorData } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { ProductForm } from "./product-form";

export function ProductDetail({ id }: { id: string }) {
  const { t, format } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const canWrite = useCan("product.write");
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [confirmRotate, setConfirmRotate] = useState(false);
  const product = useQuery(trpc.product.byId.queryOptions({ tenantSlug: tenant.slug, id }));
  const remove = useMutation(
    trpc.product.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.product.pathKey() });
        router.push(`/t/${tenant.slug}/products`);
      },
    }),
  );
  const rotate = useMutation(
    trpc.product.rotateProductSecret.mutationOptions({
      onSuccess: () => {
        setConfirmRotate(false);
        void queryClient.invalidateQueries({ queryKey: trpc.product.byId.queryKey({ tenantSlug: tenant.slug, id }) });
      },
    }),
  );

  if (product.isPending) {
    return (
      <div data-testid="page-loading">
        <Skeleton className="mb-6 h-8 w-64" />
        <Skeleton className="mb-6 h-40 w-full" />
        <Skeleton className="h-80 w-full" />
      </div>
    );
  }
  if (product.error) {
    const notFound = errorData(product.error).code === "NOT_FOUND" || errorData(product.error).code === "BAD_REQUEST";
    return (
      <Card>
        {notFound ? (
          <div className="px-4 py-10 text-center" data-testid="not-found">
            <p className="font-medium">{t.common.notFoundTitle}</p>
            <p className="text-sm text-zinc-500 dark:text-zinc-400">{t.common.notFoundHint}</p>
          </div>
        ) : (
          <QueryError error={product.error} onRetry={() => product.refetch()} />
        )}
      </Card>
    );
  }
  const p = product.data;
  return (
    <>
      <PageHeader
        title={p.name}
        description={p.description || undefined}
        actions={
          <>
            <Link
              href={`/t/${tenant.slug}/devices?product=${p.id}`}
              className={buttonClasses({ variant: "secondary" })}
              data-testid="product-devices-link"
            >
              {format(t.ui.viewDevices, { count: p.deviceCount })}
            </Link>
            {canWrite ? (
              <Button variant="danger" onClick={() => setConfirmDelete(true)} data-testid="product-delete">
                {t.common.delete}
              </Button>
            ) : null}
          </>
        }
      />
      {!canWrite ? (
        <Callout className="mb-4" tone="info">
          {t.common.readOnlyNote}
        </Callout>
      ) : null}
      <Card className="mb-6">
        <CardHeader title={t.products.productKey} description={t.products.selfRegistrationHint} />
        <CardBody className="grid gap-4 md:grid-cols-2">
          <CopyField
            label={t.products.productKey}
            value={p.productKey}
            testId="product-key"
            copyName={format(t.ui.copyWhat, { what: t.ui.productKey })}
            copyLabel={t.common.copy}
            copiedLabel={t.common.copied}
          />
          <div className="min-w-0">
            <p className="mb-1 text-xs font-medium text-zinc-500 dark:text-zinc-400">{t.products.productSecret}</p>
            <div className="flex items-center gap-2">
              <code className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{p.productSecretHint ?? "—"}</code>
              {canWrite ? (
                <Button size="sm" variant="secondary" onClick={() => setConfirmRotate(true)} data-testid="rotate-product-secret">
                  {t.products.rotateProductSecret}
                </Button>
              ) : null}
            </div>
          </div>
        </CardBody>
      </Card>
      <ProductForm
        readOnly={!canWrite}
        product={{
          id: p.id,
          name: p.name,
          description: p.description,
          selfRegister: p.selfRegister,
          unknownKeys: p.unknownKeys,
          thingModel: p.thingModel,
        }}
      />
      <ConfirmDialog
        open={confirmDelete}
        onClose={() => {
          setConfirmDelete(false);
          remove.reset();
        }}
        onConfirm={() => remove.mutate({ tenantSlug: tenant.slug, id: p.id })}
        testId="delete-product-dialog"
        title={format(t.products.deleteConfirm, { name: p.name })}
        description={t.products.deleteBody}
        confirmLabel={t.common.delete}
        cancelLabel={t.common.cancel}
        pending={remove.isPending}
        error={remove.error ? serverErrorText(remove.error, t) : null}
      />
      <ConfirmDialog
        open={confirmRotate}
        onClose={() => setConfirmRotate(false)}
        onConfirm={() => rotate.mutate({ tenantSlug: tenant.slug, id: p.id })}
        testId="rotate-product-secret-dialog"
        title={t.products.rotateProductSecretConfirm}
        description={t.products.rotateProductSecretBody}
        confirmLabel={t.products.rotateProductSecret}
        cancelLabel={t.common.cancel}
        pending={rotate.isPending}
        error={rotate.error ? serverErrorText(rotate.error, t) : null}
      />
      <Dialog
        open={!!rotate.data}
        onClose={() => rotate.reset()}
        dismissible={false}
        warnOnLeave
        testId="product-secret-dialog"
        title={t.products.productSecret}
        footer={
          <Button onClick={() => rotate.reset()} data-testid="product-secret-done">
            {t.ui.savedIt}
          </Button>
        }
      >
        {rotate.data ? (
          <div className="space-y-3">
            <Callout tone="warning">{t.devices.secretOnce}</Callout>
            <CopyField
              label={t.products.productSecret}
              value={rotate.data.productSecret}
              testId="product-secret"
              copyName={format(t.ui.copyWhat, { what: t.ui.productSecret })}
              copyLabel={t.common.copy}
              copiedLabel={t.common.copied}
            />
          </div>
        ) : null}
      </Dialog>
    </>
  );
}
