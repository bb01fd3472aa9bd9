import { z } from "zod";
import { defineJob } from "../define-job";
import { queues } from "../queues";

/** Notifies the members a rule names about an alarm event (created, cleared…): in-app rows and emails. */
export const alarmNotifyJob = defineJob({
  name: "notifications.alarm",
  queue: queues.notifications,
  schema: z.object({ tenantId: z.uuid(), alarmEventId: z.uuid() }),
  jobId: (d) => `ntf-alarm-${d.alarmEventId}`,
});

/** Tells an endpoint's owners (owners and admins) that it was disabled. */
export const webhookDisabledNotifyJob = defineJob({
  name: "notifications.webhookDisabled",
  queue: queues.notifications,
  schema: z.object({ tenantId: z.uuid(), endpointId: z.uuid(), reason: z.enum(["gone", "failing"]), at: z.number().int() }),
  jobId: (d) => `ntf-whk-off-${d.endpointId}-${d.at}`,
});

/** Repeatable, daily: one email per member who chose the digest, listing yesterday's alarms (UTC). */
export const dailyDigestJob = defineJob({
  name: "notifications.digest",
  queue: queues.notifications,
  schema: z.object({ day: z.iso.date().optional() }),
  options: { attempts: 3 },
});
