"use client";

import { Badge, type BadgeTone } from "@aspen/ui";
import { formatTimestamp } from "@/components/format/dates";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import type { RouterOutputs } from "@/trpc/types";
import { PagedTableCard } from "@/components/shell/paged-table";
import { useDevicePage } from "./use-device-page";

type CommandItem = RouterOutputs["command"]["list"]["items"][number];
export type CommandStatus = CommandItem["status"];

const tones: Record<CommandStatus, BadgeTone> = {
  queued: "neutral",
  sent: "blue",
  succeeded: "green",
  failed: "red",
  timed_out: "amber",
  expired: "violet",
};

export function CommandStatusBadge({ status }: { status: CommandStatus }) {
  const { t } = useI18n();
  return (
    <Badge tone={tones[status] ?? "neutral"} dot data-testid="command-status" data-status={status}>
      {t.commands[status] ?? status}
    </Badge>
  );
}

function Result({ c }: { c: CommandItem }) {
  if (c.error) return <span className="text-red-700 dark:text-red-400">{c.error}</span>;
  if (c.response === null) return <span className="text-zinc-500 dark:text-zinc-400">—</span>;
  return (
    <code className="block max-w-xs truncate font-mono text-xs" title={JSON.stringify(c.response)} data-testid="command-result">
      {JSON.stringify(c.response)}
    </code>
  );
}

/** Commands sent to the device, newest first, with each state's time; statuses change live. */
export function CommandHistory({ deviceId }: { deviceId: string }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const { query, pager } = useDevicePage(deviceId, "commands", (input) => trpc.command.list.queryOptions(input));
  const time = (d: Date | null) => <span className="whitespace-nowrap tabular-nums">{formatTimestamp(d, locale)}</span>;
  return (
    <PagedTableCard
      title={t.commands.history}
      testId="command-history"
      query={query}
      pager={pager}
      empty={{ title: t.commands.noCommands, hint: t.commands.noCommandsHint }}
      rowTestId={(c) => `command-row-${c.requestId}`}
      columns={[
        {
          header: t.commands.command,
          cell: (c) => (
            <span className="block max-w-[10rem] sm:max-w-xs">
              <span className="font-mono font-medium">{c.method}</span>
              {Object.keys(c.params).length ? (
                <code className="block truncate font-mono text-xs text-zinc-500 dark:text-zinc-400">{JSON.stringify(c.params)}</code>
              ) : null}
            </span>
          ),
        },
        { header: t.common.status, cell: (c) => <CommandStatusBadge status={c.status} /> },
        { header: t.commands.createdAt, className: "hidden md:table-cell", cell: (c) => time(c.createdAt) },
        { header: t.commands.sentAt, className: "hidden lg:table-cell", cell: (c) => time(c.sentAt) },
        { header: t.commands.completedAt, className: "hidden sm:table-cell", cell: (c) => time(c.completedAt) },
        { header: t.commands.result, cell: (c) => <Result c={c} /> },
      ]}
    />
  );
}
