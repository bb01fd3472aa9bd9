"use client";

import { Button, Card, CardBody, CardHeader, FieldError, Textarea } from "@aspen/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useCan, useTenant } from "@/components/tenant/tenant-context";
import { serverErrorText } from "@/components/forms/server-errors";
import { useI18n } from "@/i18n/provider";
import { fieldErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { formatLabels, parseLabels } from "./labels";
import { LabelChips } from "./status-badge";

/** The device's labels, editable as `key=value` lines by members who may write. */
export function DeviceLabelsCard({ id, labels, onSaved }: { id: string; labels: Record<string, string>; onSaved: () => void }) {
  const { t, format } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canWrite = useCan("device.write");
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const update = useMutation(
    trpc.device.update.mutationOptions({
      onSuccess: (d) => {
        setEditing(false);
        queryClient.setQueryData(trpc.device.byId.queryKey({ tenantSlug: tenant.slug, id }), (old) => (old ? { ...old, ...d } : old));
        onSaved();
      },
    }),
  );
  const serverError = update.error
    ? (Object.entries(fieldErrors(update.error)).find(([k]) => k.startsWith("labels"))?.[1] ?? serverErrorText(update.error, t))
    : null;

  return (
    <Card>
      <CardHeader
        title={t.devices.labels}
        actions={
          canWrite && !editing ? (
            <Button
              size="sm"
              variant="secondary"
              onClick={() => {
                setText(formatLabels(labels));
                setError(null);
                update.reset();
                setEditing(true);
              }}
              data-testid="edit-labels"
            >
              {t.devices.editLabels}
            </Button>
          ) : null
        }
      />
      <CardBody>
        {editing ? (
          <form
            className="space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              const parsed = parseLabels(text);
              if (!parsed.ok) {
                setError(format(t.devices.invalidLabel, { line: parsed.line }));
                return;
              }
              setError(null);
              update.mutate({ tenantSlug: tenant.slug, id, labels: parsed.labels });
            }}
          >
            <Textarea
              rows={4}
              className="font-mono"
              value={text}
              onChange={(e) => setText(e.target.value)}
              aria-label={t.devices.labels}
              placeholder={"site=berlin\nfloor=2"}
              data-testid="labels-input"
            />
            <p className="text-xs text-zinc-500 dark:text-zinc-400">{t.devices.labelsHint}</p>
            <FieldError message={error ?? serverError} testId="labels-error" />
            <div className="flex gap-2">
              <Button type="submit" size="sm" loading={update.isPending} data-testid="save-labels">
                {t.devices.saveLabels}
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
                {t.common.cancel}
              </Button>
            </div>
          </form>
        ) : Object.keys(labels).length ? (
          <div data-testid="device-labels">
            <LabelChips labels={labels} max={50} />
          </div>
        ) : (
          <p className="text-sm text-zinc-500 dark:text-zinc-400" data-testid="device-labels">
            {t.devices.noLabels}
          </p>
        )}
      </CardBody>
    </Card>
  );
}
