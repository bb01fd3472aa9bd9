import { publicId } from "@aspen/core";
import {
  alarmsRaisedBetween,
  digestRecipients,
  findAlarm,
  findAlarmEvent,
  findAlertRule,
  findTenantById,
  findWebhookEndpoint,
  insertNotifications,
  markDigestSent,
  membersWithRoles,
  pendingEmailsOf,
  setEmailStatus,
  withSystem,
  type Database,
  type NewNotification,
} from "@aspen/db";
import { alarmNotifyJob, dailyDigestJob, webhookDisabledNotifyJob } from "@aspen/jobs";
import type { Job } from "bullmq";
import type { Logger } from "pino";
import type { WorkerMetrics } from "../metrics";
import type { Mailer } from "./mailer";

export interface NotificationDeps {
  db: Database;
  mailer: Mailer | undefined;
  appUrl: string;
  metrics: WorkerMetrics;
  log: Logger;
}

/** Sends the pending emails of a source (once each: a retried job skips the sent ones). */
async function sendPending(
  d: NotificationDeps,
  tenantId: string,
  sourceKey: string,
  emails: Map<string, string>,
  text: (title: string, body: string) => string,
) {
  if (!d.mailer) return;
  const pending = await withSystem(d.db, (tx) => pendingEmailsOf(tx, tenantId, sourceKey));
  for (const n of pending) {
    const to = emails.get(n.userId);
    if (!to) continue;
    try {
      await d.mailer.send({ to, subject: n.title, text: text(n.title, n.body) });
      await withSystem(d.db, (tx) => setEmailStatus(tx, tenantId, [n.id], "sent"));
      d.metrics.notifications.inc({ kind: "email" });
    } catch (err) {
      d.log.warn({ err: (err as Error).message, tenantId }, "could not send notification email");
      await withSystem(d.db, (tx) => setEmailStatus(tx, tenantId, [n.id], "failed"));
    }
  }
}

async function alarmNotify(d: NotificationDeps, data: { tenantId: string; alarmEventId: string }) {
  const { tenantId, alarmEventId } = data;
  const found = await withSystem(d.db, async (tx) => {
    const event = await findAlarmEvent(tx, tenantId, alarmEventId);
    if (!event) return null;
    const alarm = await findAlarm(tx, tenantId, event.alarmId);
    const rule = alarm ? await findAlertRule(tx, tenantId, alarm.ruleId) : undefined;
    if (!alarm || !rule?.spec.actions.notify) return null;
    const tenant = await findTenantById(tx, tenantId);
    return {
      event,
      alarm,
      slug: tenant?.slug ?? "_",
      notify: rule.spec.actions.notify,
      recipients: await membersWithRoles(tx, tenantId, rule.spec.actions.notify.roles),
    };
  });
  if (!found) return;
  const { event, alarm, slug, notify, recipients } = found;
  const cleared = event.kind === "cleared";
  const title = `${cleared ? "Cleared" : `[${alarm.severity}] Alarm`}: ${alarm.title} on ${alarm.deviceName}`;
  const values = Object.entries(alarm.values)
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(", ");
  const body = cleared
    ? `The alarm was cleared${alarm.clearReason === "auto" ? " automatically" : ""}.`
    : `Values: ${values || "—"}. Seen ${alarm.count} time(s) since ${alarm.firstSeenAt.toISOString()}.`;
  const sourceKey = `alarm-event-${event.id}`;
  const rows: NewNotification[] = [];
  for (const m of recipients) {
    const email = notify.email && d.mailer !== undefined && m.emailSeverities.includes(alarm.severity);
    if (!notify.inApp && !email) continue;
    rows.push({
      tenantId,
      userId: m.userId,
      kind: "alarm",
      severity: alarm.severity,
      title,
      body,
      alarmId: alarm.id,
      sourceKey,
      inApp: notify.inApp,
      emailStatus: email ? "pending" : "none",
    });
  }
  const inserted = await withSystem(d.db, (tx) => insertNotifications(tx, rows));
  d.metrics.notifications.inc({ kind: "in_app" }, inserted.filter((n) => n.inApp).length);
  const link = `${d.appUrl}/t/${slug}/alarms/${publicId("alm", alarm.id)}`;
  await sendPending(
    d,
    tenantId,
    sourceKey,
    new Map(recipients.map((m) => [m.userId, m.email])),
    (t, b) => `${t}\n\n${b}\n\nOpen it in Aspen: ${link}\n`,
  );
}

async function webhookDisabled(
  d: NotificationDeps,
  data: { tenantId: string; endpointId: string; reason: "gone" | "failing"; at: number },
) {
  const found = await withSystem(d.db, async (tx) => ({
    endpoint: await findWebhookEndpoint(tx, data.tenantId, data.endpointId),
    owners: await membersWithRoles(tx, data.tenantId, ["owner", "admin"]),
  }));
  if (!found.endpoint) return;
  const title = `Webhook disabled: ${found.endpoint.url}`;
  const body =
    data.reason === "gone"
      ? "The receiver answered 410 Gone, so Aspen stopped calling it."
      : "Deliveries have failed for 3 days, so Aspen stopped calling it. Fix the receiver and enable the webhook again.";
  const sourceKey = `webhook-disabled-${data.endpointId}-${data.at}`;
  const rows = found.owners.map((m): NewNotification => ({
    tenantId: data.tenantId,
    userId: m.userId,
    kind: "webhook_disabled",
    title,
    body,
    sourceKey,
    emailStatus: d.mailer ? "pending" : "none",
  }));
  await withSystem(d.db, (tx) => insertNotifications(tx, rows));
  await sendPending(d, data.tenantId, sourceKey, new Map(found.owners.map((m) => [m.userId, m.email])), (t, b) => `${t}\n\n${b}\n`);
}

/** The digest of `day` (UTC, default yesterday) to every member who asked for it; once per member and day. */
async function dailyDigest(d: NotificationDeps, data: { day?: string | undefined }) {
  if (!d.mailer) return;
  const day = data.day ?? new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  const from = new Date(`${day}T00:00:00Z`);
  const to = new Date(from.getTime() + 86_400_000);
  const people = await withSystem(d.db, (tx) => digestRecipients(tx, day));
  for (const p of people) {
    if (!(await withSystem(d.db, (tx) => markDigestSent(tx, p.tenantId, p.userId, day)))) continue;
    const alarms = await withSystem(d.db, (tx) => alarmsRaisedBetween(tx, p.tenantId, from, to));
    const lines = alarms.map((a) => `- [${a.severity}] ${a.title} on ${a.deviceName} at ${a.firstSeenAt.toISOString()} (${a.status})`);
    await d.mailer.send({
      to: p.email,
      subject: `Aspen daily digest for ${day}: ${alarms.length} alarm(s)`,
      text: lines.length ? lines.join("\n") : "No alarms. All quiet.",
    });
    d.metrics.notifications.inc({ kind: "digest" });
  }
}

export function createNotificationProcessor(d: NotificationDeps) {
  return async (job: Job) => {
    if (job.name === alarmNotifyJob.name) return alarmNotify(d, alarmNotifyJob.schema.parse(job.data));
    if (job.name === webhookDisabledNotifyJob.name) return webhookDisabled(d, webhookDisabledNotifyJob.schema.parse(job.data));
    if (job.name === dailyDigestJob.name) return dailyDigest(d, dailyDigestJob.schema.parse(job.data));
  };
}
