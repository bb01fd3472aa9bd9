"use client";

import { Button, ConfirmDialog, Dialog, Field, Textarea } from "@aspen/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

/** Acknowledge (with a comment) and clear (after confirming) one alarm. */
export function AlarmActions({ id, status }: { id: string; status: "active" | "acknowledged" | "cleared" }) {
  const { t } = useI18n();
  const a = t.alarms;
  const tenant = useTenant();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [acking, setAcking] = useState(false);
  const [clearing, setClearing] = useState(false);
  const [comment, setComment] = useState("");
  const done = async () => {
    setAcking(false);
    setClearing(false);
    setComment("");
    await queryClient.invalidateQueries({ queryKey: trpc.alarm.pathKey() });
  };
  const ack = useMutation(trpc.alarm.acknowledge.mutationOptions({ onSuccess: done }));
  const clear = useMutation(trpc.alarm.clear.mutationOptions({ onSuccess: done }));
  if (status === "cleared") return null;
  return (
    <>
      {status === "active" ? (
        <Button onClick={() => setAcking(true)} data-testid="alarm-acknowledge">
          {a.acknowledge}
        </Button>
      ) : null}
      <Button variant="secondary" onClick={() => setClearing(true)} data-testid="alarm-clear">
        {a.clear}
      </Button>
      <Dialog
        open={acking}
        onClose={() => setAcking(false)}
        title={a.acknowledgeTitle}
        description={a.acknowledgeBody}
        testId="ack-dialog"
        footer={
          <>
            <Button variant="secondary" onClick={() => setAcking(false)} disabled={ack.isPending}>
              {t.common.cancel}
            </Button>
            <Button
              loading={ack.isPending}
              onClick={() => ack.mutate({ tenantSlug: tenant.slug, id, ...(comment.trim() ? { comment: comment.trim() } : {}) })}
              data-testid="ack-confirm"
            >
              {a.acknowledge}
            </Button>
          </>
        }
      >
        <Field label={a.comment} error={ack.error ? errorMessage(ack.error, t.common.somethingWrong) : null}>
          {(fid) => <Textarea id={fid} rows={3} maxLength={1000} value={comment} onChange={(e) => setComment(e.target.value)} />}
        </Field>
      </Dialog>
      <ConfirmDialog
        open={clearing}
        onClose={() => setClearing(false)}
        onConfirm={() => clear.mutate({ tenantSlug: tenant.slug, id })}
        title={a.clearTitle}
        description={a.clearBody}
        confirmLabel={a.clear}
        cancelLabel={t.common.cancel}
        tone="primary"
        pending={clear.isPending}
        error={clear.error ? errorMessage(clear.error, t.common.somethingWrong) : null}
        testId="clear-dialog"
      />
    </>
  );
}
