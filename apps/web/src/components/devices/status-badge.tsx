"use client";

import { Badge } from "@aspen/ui";
import { useI18n } from "@/i18n/provider";

export function DeviceStatusBadge({ status }: { status: "online" | "offline" | "disabled" }) {
  const { t } = useI18n();
  const tone = status === "online" ? "green" : status === "disabled" ? "red" : "neutral";
  return (
    <Badge tone={tone} dot data-testid="device-status" data-status={status}>
      {t.devices[status]}
    </Badge>
  );
}

export function LabelChips({ labels, max = 3 }: { labels: Record<string, string>; max?: number }) {
  const entries = Object.entries(labels);
  if (entries.length === 0) return <span className="text-zinc-500 dark:text-zinc-400">—</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {entries.slice(0, max).map(([k, v]) => (
        <Badge key={k} tone="blue" className="font-mono">
          {k}={v}
        </Badge>
      ))}
      {entries.length > max ? <Badge>+{entries.length - max}</Badge> : null}
    </span>
  );
}
