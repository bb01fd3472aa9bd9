import { publicId, type IngestBatch } from "@aspen/core";
import type { AlarmRow } from "@aspen/db";
import { alarmNotifyJob, type createProducer } from "@aspen/jobs";
import { uuidFrom, type WebhookEmitter } from "../webhooks/emit";
import type { Announcement } from "./process-entry";

/** The `data` of alarm.* webhook events. */
export function alarmData(a: AlarmRow, ruleName: string, deviceName: string) {
  return {
    id: publicId("alm", a.id),
    ruleId: publicId("rul", a.ruleId),
    ruleName,
    severity: a.severity,
    status: a.status,
    deviceId: publicId("dev", a.deviceId),
    deviceName,
    count: a.count,
    values: a.values,
    firstSeenAt: a.firstSeenAt.toISOString(),
    lastSeenAt: a.lastSeenAt.toISOString(),
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    comment: a.ackComment,
    clearedAt: a.clearedAt?.toISOString() ?? null,
  };
}

/**
 * Enqueues the notification job and emits the webhook of each alarm change. Ids derive from the
 * alarm event, so announcing twice (a re-processed entry) sends nothing twice.
 */
export async function announceAlarms(
  deps: { producer: ReturnType<typeof createProducer>; webhooks: WebhookEmitter },
  list: Announcement[],
): Promise<void> {
  for (const a of list) {
    const { alarm, event } = a.outcome;
    await deps.producer.enqueue(alarmNotifyJob, { tenantId: alarm.tenantId, alarmEventId: event.id });
    await deps.webhooks.emit(
      alarm.tenantId,
      event.kind === "cleared" ? "alarm.cleared" : "alarm.created",
      alarmData(alarm, a.rule.name, a.deviceName),
      {
        eventId: event.id,
        at: event.at,
        endpointIds: a.rule.spec.actions.webhookIds,
      },
    );
  }
}

/** device.online/offline, command.* and the opt-in telemetry.received of a batch; event ids derive from the entry. */
export async function announceBatchEvents(webhooks: WebhookEmitter, entryId: string, batch: IngestBatch): Promise<void> {
  for (const [i, p] of batch.presence.entries()) {
    await webhooks.emit(
      p.tenantId,
      p.online ? "device.online" : "device.offline",
      { deviceId: publicId("dev", p.deviceId), at: new Date(p.ts).toISOString() },
      { eventId: uuidFrom(`${entryId}/presence/${i}`), at: new Date(p.ts) },
    );
  }
  for (const [i, c] of batch.commands.entries()) {
    const type = c.status === "succeeded" ? "command.succeeded" : c.status === "failed" ? "command.failed" : "command.timed_out";
    await webhooks.emit(
      c.tenantId,
      type,
      { commandId: publicId("cmd", c.commandId), deviceId: publicId("dev", c.deviceId), at: new Date(c.ts).toISOString() },
      { eventId: uuidFrom(`${entryId}/command/${i}`), at: new Date(c.ts) },
    );
  }
  const byTenant = new Map<string, IngestBatch["telemetry"]>();
  for (const t of batch.telemetry) {
    const list = byTenant.get(t.tenantId);
    if (list) list.push(t);
    else byTenant.set(t.tenantId, [t]);
  }
  for (const [tenantId, points] of byTenant) {
    if (!(await webhooks.wantsExplicitly(tenantId, "telemetry.received"))) continue;
    const data = { points: points.slice(0, 1000).map((p) => ({ deviceId: publicId("dev", p.deviceId), ts: p.ts, values: p.values })) };
    await webhooks.emit(tenantId, "telemetry.received", data, {
      eventId: uuidFrom(`${entryId}/telemetry/${tenantId}`),
      at: new Date(batch.committedAt),
    });
  }
}
