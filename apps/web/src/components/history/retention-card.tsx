"use client";

import { Button, Callout, Card, CardBody, CardHeader, Field, Input } from "@aspen/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { errorMessage, fieldErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

/** The tenant's data retention in days (owners and admins): older device data is deleted hourly. */
export function RetentionCard() {
  const { t, format } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const retention = useQuery(trpc.tenant.retention.queryOptions({ tenantSlug: tenant.slug }));
  const [days, setDays] = useState<string | null>(null);
  const save = useMutation(
    trpc.tenant.setRetention.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.tenant.retention.queryKey({ tenantSlug: tenant.slug }) }),
    }),
  );
  const value = days ?? String(retention.data?.retentionDays ?? "");
  const errors = save.error ? fieldErrors(save.error) : {};
  return (
    <Card data-testid="retention-card">
      <CardHeader title={t.history.retentionTitle} description={t.history.retentionHint} />
      <CardBody>
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ tenantSlug: tenant.slug, retentionDays: Number(value) });
          }}
        >
          <Field label={t.history.retentionDays} error={errors.retentionDays} className="w-40">
            {(id, d) => (
              <Input
                id={id}
                type="number"
                min={1}
                max={retention.data?.maxRetentionDays ?? 730}
                required
                value={value}
                onChange={(e) => setDays(e.target.value)}
                aria-describedby={d}
                data-testid="retention-input"
              />
            )}
          </Field>
          <Button
            type="submit"
            variant="secondary"
            loading={save.isPending}
            disabled={!retention.data || Number(value) === retention.data.retentionDays}
            data-testid="retention-save"
          >
            {t.common.save}
          </Button>
        </form>
        {retention.data ? (
          <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
            {format(t.history.retentionShown, { days: retention.data.retentionDays })}
          </p>
        ) : null}
        {save.isSuccess ? (
          <Callout tone="success" className="mt-3">
            {t.history.retentionSaved}
          </Callout>
        ) : null}
        {save.error && !errors.retentionDays ? (
          <Callout tone="danger" className="mt-3">
            {errorMessage(save.error, t.common.somethingWrong)}
          </Callout>
        ) : null}
      </CardBody>
    </Card>
  );
}
