import { severities } from "@aspen/core";
import type { AlarmEventRow, AlarmListRow } from "@aspen/db";
import { z } from "zod";
import { publicId } from "../../public-ids";

export const alarmStatuses = ["active", "acknowledged", "cleared"] as const;

export const alarmSchema = z.object({
  id: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  deviceId: z.string(),
  deviceName: z.string(),
  productId: z.string(),
  severity: z.enum(severities),
  status: z.enum(alarmStatuses),
  title: z.string(),
  values: z.record(z.string(), z.unknown()),
  count: z.number().int(),
  firstSeenAt: z.date(),
  lastSeenAt: z.date(),
  acknowledgedAt: z.date().nullable(),
  acknowledgedBy: z.string().nullable(),
  ackComment: z.string().nullable(),
  clearedAt: z.date().nullable(),
  clearedBy: z.string().nullable(),
  clearReason: z.enum(["auto", "manual"]).nullable(),
});
export type AlarmDto = z.infer<typeof alarmSchema>;

export const alarmEventSchema = z.object({
  id: z.string(),
  kind: z.enum(["created", "acknowledged", "cleared", "commented"]),
  at: z.date(),
  userId: z.string().nullable(),
  comment: z.string().nullable(),
  values: z.record(z.string(), z.unknown()).nullable(),
});

export function toAlarmDto(a: AlarmListRow): AlarmDto {
  return {
    id: publicId("alm", a.id),
    ruleId: publicId("rul", a.ruleId),
    ruleName: a.ruleName,
    deviceId: publicId("dev", a.deviceId),
    deviceName: a.deviceName,
    productId: publicId("prd", a.productId),
    severity: a.severity,
    status: a.status,
    title: a.title,
    values: a.values,
    count: a.count,
    firstSeenAt: a.firstSeenAt,
    lastSeenAt: a.lastSeenAt,
    acknowledgedAt: a.acknowledgedAt,
    acknowledgedBy: a.acknowledgedBy ? publicId("usr", a.acknowledgedBy) : null,
    ackComment: a.ackComment,
    clearedAt: a.clearedAt,
    clearedBy: a.clearedBy ? publicId("usr", a.clearedBy) : null,
    clearReason: a.clearReason,
  };
}

export function toAlarmEventDto(e: AlarmEventRow) {
  return { id: e.id, kind: e.kind, at: e.at, userId: e.userId ? publicId("usr", e.userId) : null, comment: e.comment, values: e.values };
}

/** The `data` of alarm.* webhook events. */
export function alarmWebhookData(a: AlarmDto) {
  return {
    id: a.id,
    ruleId: a.ruleId,
    ruleName: a.ruleName,
    severity: a.severity,
    status: a.status,
    deviceId: a.deviceId,
    deviceName: a.deviceName,
    count: a.count,
    values: a.values,
    firstSeenAt: a.firstSeenAt.toISOString(),
    lastSeenAt: a.lastSeenAt.toISOString(),
    acknowledgedAt: a.acknowledgedAt?.toISOString() ?? null,
    comment: a.ackComment,
    clearedAt: a.clearedAt?.toISOString() ?? null,
  };
}
