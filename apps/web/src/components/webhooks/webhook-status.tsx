"use client";

import { Badge } from "@aspen/ui";
import { useI18n } from "@/i18n/provider";

const reasons = { manual: "disabledManual", gone: "disabledGone", failing: "disabledFailing" } as const;

/** Enabled, or disabled with why. */
export function WebhookStatus({ endpoint }: { endpoint: { enabled: boolean; disabledReason: keyof typeof reasons | null } }) {
  const { t } = useI18n();
  const w = t.webhooks;
  if (endpoint.enabled)
    return (
      <Badge tone="green" dot>
        {w.enabled}
      </Badge>
    );
  return (
    <Badge
      tone={endpoint.disabledReason === "manual" ? "neutral" : "red"}
      title={endpoint.disabledReason ? w[reasons[endpoint.disabledReason]] : undefined}
    >
      {w.disabled}
      {endpoint.disabledReason && endpoint.disabledReason !== "manual" ? ` · ${w[reasons[endpoint.disabledReason]]}` : ""}
    </Badge>
  );
}
