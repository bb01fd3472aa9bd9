import {
  autoClearAlarm,
  enabledOfflineRules,
  offlineDevicesFor,
  openAlarmsOfOnlineDevices,
  raiseAlarm,
  withSystem,
  type Database,
} from "@aspen/db";
import type { createProducer } from "@aspen/jobs";
import type { WorkerMetrics } from "../metrics";
import type { WebhookEmitter } from "../webhooks/emit";
import { announceAlarms } from "./announce";
import type { Announcement } from "./process-entry";

/**
 * The repeatable offline scan: raises "offline for more than N minutes" alarms (one per offline
 * episode: the dedupe key holds the last-seen time) and clears them when a device is back online.
 */
export function createOfflineScan(d: {
  db: Database;
  producer: ReturnType<typeof createProducer>;
  webhooks: WebhookEmitter;
  metrics: WorkerMetrics;
}) {
  return async (now = Date.now()) => {
    const rules = await withSystem(d.db, (tx) => enabledOfflineRules(tx));
    const announcements: Announcement[] = [];
    for (const rule of rules) {
      const t = rule.spec.trigger;
      if (t.type !== "offline") continue;
      d.metrics.ruleEvaluations.inc({ trigger: "offline" });
      await withSystem(d.db, async (tx) => {
        const devices = await offlineDevicesFor(tx, rule, new Date(now - t.forMinutes * 60_000));
        for (const dev of devices) {
          const o = await raiseAlarm(tx, {
            tenantId: rule.tenantId,
            ruleId: rule.id,
            deviceId: dev.id,
            productId: rule.productId,
            severity: rule.severity,
            title: rule.name,
            at: new Date(now),
            values: { lastSeenAt: dev.lastSeenAt?.toISOString() ?? null },
            dedupKey: `offline-${rule.id}-${dev.id}-${dev.lastSeenAt?.getTime() ?? "never"}`,
          });
          if (o.event) announcements.push({ rule, outcome: { ...o, event: o.event }, deviceName: dev.name });
        }
        if (rule.spec.clear?.type === "online") {
          for (const a of await openAlarmsOfOnlineDevices(tx, rule)) {
            const o = await autoClearAlarm(tx, {
              tenantId: rule.tenantId,
              ruleId: rule.id,
              deviceId: a.deviceId,
              at: new Date(now),
              values: {},
              dedupKey: `online-${a.alarmId}`,
            });
            if (o?.event) announcements.push({ rule, outcome: { ...o, event: o.event }, deviceName: a.deviceName });
          }
        }
      });
    }
    for (const a of announcements) d.metrics.alarms.inc({ change: a.outcome.event.kind === "cleared" ? "cleared" : "raised" });
    await announceAlarms(d, announcements);
    return announcements.length;
  };
}
