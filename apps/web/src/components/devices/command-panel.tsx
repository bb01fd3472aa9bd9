"use client";

import type { Command } from "@aspen/core/browser";
import { Button, Callout, Card, CardBody, CardHeader, EmptyState, Field, Select } from "@aspen/ui";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useCan, useTenant } from "@/components/tenant/tenant-context";
import { serverErrorText } from "@/components/forms/server-errors";
import { useI18n } from "@/i18n/provider";
import { fieldErrors } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { parseFields, type ValueField } from "./typed-value";
import { ValueFields, valueIssueText } from "./value-fields";

/** Choose one of the thing model's commands, fill in its parameters (checked as typed), send it. */
export function CommandPanel({
  deviceId,
  commands,
  deviceEnabled,
}: {
  deviceId: string;
  commands: readonly Command[];
  deviceEnabled: boolean;
}) {
  const { t, format } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canSend = useCan("device.command");
  const [method, setMethod] = useState(commands[0]?.identifier ?? "");
  const [raw, setRaw] = useState<Record<string, string>>({});
  const [issues, setIssues] = useState<Record<string, string>>({});
  const send = useMutation(
    trpc.command.send.mutationOptions({
      onSuccess: () => {
        setRaw({});
        void queryClient.invalidateQueries({ queryKey: trpc.command.list.queryKey({ tenantSlug: tenant.slug, deviceId }) });
      },
    }),
  );
  const command = commands.find((c) => c.identifier === method);
  const fields: readonly ValueField[] = command?.input ?? [];

  const body = () => {
    if (commands.length === 0) return <EmptyState title={t.commands.noCommandsInModel} testId="command-none" />;
    if (!canSend)
      return (
        <p className="text-sm text-zinc-500 dark:text-zinc-400" data-testid="command-readonly">
          {t.commands.readOnly}
        </p>
      );
    const server = fieldErrors(send.error, "params");
    const errors = { ...server, ...issues };
    const otherError = send.error && Object.keys(server).length === 0 ? serverErrorText(send.error, t) : null;
    return (
      <form
        noValidate
        className="max-w-3xl space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = parseFields(fields, raw);
          setIssues(Object.fromEntries(Object.entries(parsed.issues).map(([k, i]) => [k, valueIssueText(t, format, i)])));
          if (!parsed.ok) return;
          send.mutate({ tenantSlug: tenant.slug, deviceId, method, params: parsed.values });
        }}
      >
        <Field label={t.commands.command} hint={command?.description}>
          {(id, describedBy) => (
            <Select
              id={id}
              aria-describedby={describedBy}
              data-testid="command-method"
              value={method}
              onChange={(e) => {
                setMethod(e.target.value);
                setRaw({});
                setIssues({});
                send.reset();
              }}
              options={commands.map((c) => ({ value: c.identifier, label: `${c.name} (${c.identifier})` }))}
            />
          )}
        </Field>
        {fields.length ? (
          <ValueFields
            fields={fields}
            raw={raw}
            errors={errors}
            testIdPrefix="command-param"
            onChange={(k, v) => {
              setRaw((r) => ({ ...r, [k]: v }));
              setIssues(({ [k]: _, ...rest }) => rest);
            }}
          />
        ) : (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">{t.commands.noParams}</p>
        )}
        {!deviceEnabled ? <Callout tone="warning">{t.commands.deviceDisabled}</Callout> : null}
        {otherError ? (
          <Callout tone="danger" data-testid="command-error">
            {otherError}
          </Callout>
        ) : null}
        {send.data && !send.isPending ? (
          <Callout tone="success" data-testid="command-queued">
            {format(t.commands.queuedNote, { method: send.data.method, id: send.data.requestId })}
          </Callout>
        ) : null}
        <Button type="submit" loading={send.isPending} disabled={!deviceEnabled} data-testid="command-send">
          {t.commands.send}
        </Button>
      </form>
    );
  };

  return (
    <Card data-testid="command-panel">
      <CardHeader title={t.commands.title} description={t.commands.subtitle} />
      <CardBody>{body()}</CardBody>
    </Card>
  );
}
