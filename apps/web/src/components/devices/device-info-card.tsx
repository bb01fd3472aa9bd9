"use client";

import { Card, CardBody, CardHeader } from "@aspen/ui";
import type { ReactNode } from "react";
import { formatDateTime, formatRelative } from "@/components/format/dates";
import { useI18n } from "@/i18n/provider";
import type { RouterOutputs } from "@/trpc/types";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

/** Identity and credentials hints of a device (never its secret). */
export function DeviceInfoCard({ device: d }: { device: RouterOutputs["device"]["byId"] }) {
  const { t, locale } = useI18n();
  return (
    <Card>
      <CardHeader title={t.devices.info} />
      <CardBody>
        <dl className="grid grid-cols-[8rem_minmax(0,1fr)] gap-x-4 gap-y-3 text-sm sm:grid-cols-[10rem_minmax(0,1fr)]">
          <Row label={t.devices.id}>
            <code className="font-mono text-xs" data-testid="device-id">
              {d.id}
            </code>
          </Row>
          <Row label={t.devices.username}>
            <code className="font-mono text-xs" data-testid="device-mqtt-username">
              {d.mqttUsername}
            </code>
          </Row>
          <Row label={t.devices.secretHint}>
            <code className="font-mono text-xs" data-testid="device-secret-hint">
              {d.secretHint}
            </code>
          </Row>
          <Row label={t.devices.status}>{d.enabled ? t.devices.enabled : t.devices.disabled}</Row>
          <Row label={t.devices.lastSeen}>
            {d.lastSeenAt ? `${formatRelative(d.lastSeenAt, locale)} (${formatDateTime(d.lastSeenAt, locale)})` : t.devices.never}
          </Row>
          <Row label={t.devices.createdAt}>{formatDateTime(d.createdAt, locale)}</Row>
        </dl>
      </CardBody>
    </Card>
  );
}
