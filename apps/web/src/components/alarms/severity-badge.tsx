"use client";

import { Badge, type BadgeTone } from "@aspen/ui";
import type { Severity } from "@aspen/core/browser";
import { useI18n } from "@/i18n/provider";

const tones: Record<Severity, BadgeTone> = { critical: "red", major: "red", minor: "amber", warning: "amber", info: "blue" };
const statusTones = { active: "red", acknowledged: "amber", cleared: "green" } as const;

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useI18n();
  return (
    <Badge tone={tones[severity]} dot={severity === "critical"} data-testid={`severity-${severity}`}>
      {t.severity[severity]}
    </Badge>
  );
}

export function AlarmStatusBadge({ status }: { status: keyof typeof statusTones }) {
  const { t } = useI18n();
  return (
    <Badge tone={statusTones[status]} dot data-testid="alarm-status">
      {t.alarmStatus[status]}
    </Badge>
  );
}
