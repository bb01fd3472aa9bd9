"use client";

import { Button } from "@aspen/ui";
import { useMutation } from "@tanstack/react-query";
import { useI18n } from "@/i18n/provider";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import type { Widget, WidgetData } from "./types";

/** Sends the widget's command through the command service; disabled (with why) without device.command. */
export function CommandWidget({
  widget,
  data,
  tenantSlug,
  canCommand,
}: {
  widget: Extract<Widget, { kind: "command" }>;
  data: Extract<WidgetData, { kind: "command" }>;
  tenantSlug: string;
  canCommand: boolean;
}) {
  const { t, format } = useI18n();
  const d = t.dashboards;
  const trpc = useTRPC();
  const send = useMutation(trpc.command.send.mutationOptions());
  const name = data.command?.name ?? widget.method;
  return (
    <div className="space-y-2">
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{data.device?.name}</p>
      <Button
        className="dash-no-drag"
        disabled={!canCommand || !data.command || send.isPending}
        onClick={() => send.mutate({ tenantSlug, deviceId: widget.deviceId, method: widget.method, params: widget.params })}
        data-testid={`widget-command-${widget.id}`}
      >
        {format(d.send, { command: name })}
      </Button>
      {!canCommand ? <p className="text-xs text-zinc-500 dark:text-zinc-400">{d.viewerNoCommands}</p> : null}
      {send.isSuccess ? (
        <p className="text-xs text-emerald-700 dark:text-emerald-400" role="status">
          {d.sent}
        </p>
      ) : null}
      {send.error ? (
        <p className="text-xs text-red-700 dark:text-red-400" role="alert">
          {format(d.commandFailed, { error: errorMessage(send.error, t.common.somethingWrong) })}
        </p>
      ) : null}
    </div>
  );
}
