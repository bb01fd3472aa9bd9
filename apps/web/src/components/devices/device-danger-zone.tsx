"use client";

import { Button, Card, CardBody, CardHeader, ConfirmDialog, Dialog } from "@aspen/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useCan, useTenant } from "@/components/tenant/tenant-context";
import { serverErrorText } from "@/components/forms/server-errors";
import { useI18n } from "@/i18n/provider";

import { useTRPC } from "@/trpc/react";
import { CredentialsPanel } from "./credentials-panel";

/** Rotating the secret (shown once) and deleting the device, each behind a confirmation. */
export function DeviceDangerZone({ id, name, onDeleted }: { id: string; name: string; onDeleted: () => void }) {
  const { t, format } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const canWrite = useCan("device.write");
  const canSecret = useCan("device.secret");
  const [confirm, setConfirm] = useState<"rotate" | "delete" | null>(null);
  const rotate = useMutation(
    trpc.device.rotateSecret.mutationOptions({
      onSuccess: (r) => {
        setConfirm(null);
        queryClient.setQueryData(trpc.device.byId.queryKey({ tenantSlug: tenant.slug, id }), (old) =>
          old ? { ...old, ...r.device } : old,
        );
      },
    }),
  );
  const remove = useMutation(
    trpc.device.delete.mutationOptions({
      onSuccess: () => {
        onDeleted();
        void queryClient.invalidateQueries({ queryKey: trpc.product.pathKey() });
        router.push(`/t/${tenant.slug}/devices`);
      },
    }),
  );
  if (!canSecret && !canWrite) return null;

  return (
    <>
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
      <ConfirmDialog
        open={confirm === "rotate"}
        onClose={() => setConfirm(null)}
        onConfirm={() => rotate.mutate({ tenantSlug: tenant.slug, id })}
        testId="rotate-secret-dialog"
        title={format(t.devices.rotateConfirm, { name })}
        description={t.devices.rotateBody}
        confirmLabel={t.devices.rotateSecret}
        cancelLabel={t.common.cancel}
        pending={rotate.isPending}
        error={rotate.error ? serverErrorText(rotate.error, t) : null}
      />
      <ConfirmDialog
        open={confirm === "delete"}
        onClose={() => {
          setConfirm(null);
          remove.reset();
        }}
        onConfirm={() => remove.mutate({ tenantSlug: tenant.slug, id })}
        testId="delete-device-dialog"
        title={format(t.devices.deleteConfirm, { name })}
        description={t.devices.deleteBody}
        confirmLabel={t.common.delete}
        cancelLabel={t.common.cancel}
        typeToConfirm={name}
        typeToConfirmLabel={format(t.devices.typeName, { name })}
        pending={remove.isPending}
        error={remove.error ? serverErrorText(remove.error, t) : null}
      />
      <Dialog
        open={!!rotate.data}
        onClose={() => rotate.reset()}
        dismissible={false}
        warnOnLeave
        className="max-w-2xl"
        testId="rotated-secret-dialog"
        title={format(t.devices.newSecretTitle, { name })}
        footer={
          <Button onClick={() => rotate.reset()} data-testid="rotated-done">
            {t.ui.savedIt}
          </Button>
        }
      >
        {rotate.data ? <CredentialsPanel credentials={rotate.data} /> : null}
      </Dialog>
    </>
  );
}
