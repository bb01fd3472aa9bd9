"use client";

import type { PrimitiveValue, Property } from "@aspen/core/browser";
import { Button, Callout } from "@aspen/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTenant } from "@/components/tenant/tenant-context";
import { serverErrorText } from "@/components/forms/server-errors";
import { useI18n } from "@/i18n/provider";
import { errorData, fieldErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { parseTypedValue, typedValueText } from "./typed-value";
import { ValueFields, valueIssueText } from "./value-fields";

/**
 * Edits the desired values of the writable (`rw`) properties. Only changed keys are sent; an emptied
 * field removes its desired value. The update is conditional on the shadow version the form started
 * from, so a change made meanwhile (by the device or another member) is not overwritten silently.
 */
export function DesiredForm({
  deviceId,
  properties,
  desired,
  version,
  onDone,
  onReload,
}: {
  deviceId: string;
  properties: readonly Property[];
  desired: Record<string, unknown>;
  version: number;
  onDone: () => void;
  onReload: () => Promise<unknown>;
}) {
  const { t, format } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [raw, setRaw] = useState<Record<string, string>>(() =>
    Object.fromEntries(properties.map((p) => [p.identifier, typedValueText(desired[p.identifier])])),
  );
  const [baseVersion, setBaseVersion] = useState(version);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [unchanged, setUnchanged] = useState(false);
  const update = useMutation(
    trpc.deviceShadow.updateDesired.mutationOptions({
      onSuccess: (shadow) => {
        queryClient.setQueryData(trpc.deviceShadow.get.queryKey({ tenantSlug: tenant.slug, deviceId }), shadow);
        onDone();
      },
    }),
  );
  const conflict = update.error && errorData(update.error).reason === "version_conflict";
  const server = fieldErrors(update.error, "desired");
  const otherError = update.error && !conflict && Object.keys(server).length === 0 ? serverErrorText(update.error, t) : null;

  const submit = () => {
    const patch: Record<string, PrimitiveValue | null> = {};
    const found: Record<string, string> = {};
    for (const p of properties) {
      const r = parseTypedValue(p, raw[p.identifier] ?? "");
      if (!r.ok) found[p.identifier] = valueIssueText(t, format, r.issue);
      else if (r.value === undefined && desired[p.identifier] !== undefined) patch[p.identifier] = null;
      else if (r.value !== undefined && r.value !== desired[p.identifier]) patch[p.identifier] = r.value;
    }
    setIssues(found);
    setUnchanged(false);
    if (Object.keys(found).length > 0) return;
    if (Object.keys(patch).length === 0) return setUnchanged(true);
    update.mutate({ tenantSlug: tenant.slug, deviceId, desired: patch, expectedVersion: baseVersion });
  };

  return (
    <form
      noValidate
      className="space-y-4"
      data-testid="desired-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <ValueFields
        fields={properties}
        raw={raw}
        errors={{ ...server, ...issues }}
        testIdPrefix="desired"
        onChange={(k, v) => {
          setRaw((r) => ({ ...r, [k]: v }));
          setIssues(({ [k]: _, ...rest }) => rest);
        }}
      />
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{t.attributes.editHint}</p>
      {conflict ? (
        <Callout tone="warning" data-testid="desired-conflict">
          <p>{t.attributes.versionConflict}</p>
          <Button
            size="sm"
            variant="secondary"
            className="mt-2"
            data-testid="desired-reload"
            onClick={async () => {
              await onReload();
              const fresh = queryClient.getQueryData(trpc.deviceShadow.get.queryKey({ tenantSlug: tenant.slug, deviceId }));
              if (fresh) setBaseVersion(fresh.version);
              update.reset();
            }}
          >
            {t.attributes.reload}
          </Button>
        </Callout>
      ) : null}
      {otherError ? (
        <Callout tone="danger" data-testid="desired-error">
          {otherError}
        </Callout>
      ) : null}
      {unchanged ? (
        <Callout tone="info" data-testid="desired-unchanged">
          {t.attributes.unchanged}
        </Callout>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" loading={update.isPending} data-testid="desired-save">
          {t.attributes.save}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t.common.cancel}
        </Button>
      </div>
    </form>
  );
}
