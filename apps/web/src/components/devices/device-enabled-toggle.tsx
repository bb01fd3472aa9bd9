"use client";

import { Button, Callout, ConfirmDialog } from "@aspen/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useCan, useTenant } from "@/components/tenant/tenant-context";
import { serverErrorText } from "@/components/forms/server-errors";
import { useI18n } from "@/i18n/provider";

import { useTRPC } from "@/trpc/react";

/** Disable (after confirming: the device is disconnected) or enable a device; nothing for read-only members. */
export function DeviceEnabledToggle({
  id,
  name,
  enabled,
  onChanged,
}: {
  id: string;
  name: string;
  enabled: boolean;
  onChanged: () => void;
}) {
  const { t, format } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canWrite = useCan("device.write");
  const [confirm, setConfirm] = useState(false);
  const setEnabled = useMutation(
    trpc.device.setEnabled.mutationOptions({
      onSuccess: (d) => {
        setConfirm(false);
        queryClient.setQueryData(trpc.device.byId.queryKey({ tenantSlug: tenant.slug, id }), (old) => (old ? { ...old, ...d } : old));
        void queryClient.invalidateQueries({ queryKey: trpc.telemetry.latest.queryKey({ tenantSlug: tenant.slug, deviceId: id }) });
        onChanged();
      },
    }),
  );
  if (!canWrite) return null;
  return (
    <>
      {enabled ? (
        <Button variant="secondary" onClick={() => setConfirm(true)} data-testid="device-disable">
          {t.devices.disable}
        </Button>
      ) : (
        <Button
          onClick={() => setEnabled.mutate({ tenantSlug: tenant.slug, id, enabled: true })}
          loading={setEnabled.isPending}
          data-testid="device-enable"
        >
          {t.devices.enable}
        </Button>
      )}
      {setEnabled.error && !confirm ? (
        <Callout tone="danger" className="w-full">
          {serverErrorText(setEnabled.error, t)}
        </Callout>
      ) : null}
      <ConfirmDialog
        open={confirm}
        onClose={() => setConfirm(false)}
        onConfirm={() => setEnabled.mutate({ tenantSlug: tenant.slug, id, enabled: false })}
        testId="disable-device-dialog"
        title={format(t.devices.disableConfirm, { name })}
        description={t.devices.disableBody}
        confirmLabel={t.devices.disable}
        cancelLabel={t.common.cancel}
        pending={setEnabled.isPending}
        error={setEnabled.error ? serverErrorText(setEnabled.error, t) : null}
      />
    </>
  );
}
