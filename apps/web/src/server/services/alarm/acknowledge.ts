import { acknowledgeAlarm as writeAck, findAlarm } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { appError, notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { actingUserId, assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { emitAlarmEvent, ruleWebhookIds } from "./_emit";
import { alarmSchema, toAlarmDto } from "./dto";

export const acknowledgeAlarmInput = z.object({ id: publicIdInput("alm"), comment: z.string().trim().max(1000).optional() });
export const acknowledgeAlarmOutput = alarmSchema;

/** Acknowledges an active alarm (someone is on it), with an optional comment. */
export async function acknowledgeAlarm(scope: Scope, input: z.output<typeof acknowledgeAlarmInput>) {
  assertAllowed(scope, "alert.manage");
  const userId = actingUserId(scope);
  if (!userId) throw appError("FORBIDDEN", "forbidden", "Only a member can acknowledge an alarm");
  const { alarm, hooks } = await inTenant(scope, async (tx) => {
    const a = await findAlarm(tx, scope.tenant.id, input.id);
    if (!a) throw notFound("Alarm");
    if (a.status !== "active") throw appError("CONFLICT", "alarm_not_active", `The alarm is ${a.status} already`);
    if (!(await writeAck(tx, scope.tenant.id, input.id, userId, input.comment || null)))
      throw appError("CONFLICT", "alarm_not_active", "The alarm changed meanwhile: reload it");
    return {
      alarm: toAlarmDto((await findAlarm(tx, scope.tenant.id, input.id))!),
      hooks: await ruleWebhookIds(tx, scope.tenant.id, a.ruleId),
    };
  });
  await emitAlarmEvent(scope.tenant.id, "alarm.acknowledged", alarm, hooks);
  await recordAudit(auditOf(scope), { action: "alarm.acknowledge", targetType: "alarm", targetId: alarm.id, targetName: alarm.title });
  return alarm;
}
