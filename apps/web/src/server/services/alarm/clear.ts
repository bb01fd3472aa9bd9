import { alertStateKey } from "@aspen/core";
import { clearAlarmByHand, findAlarm } from "@aspen/db";
import { z } from "zod";
import { getEnv } from "../../../env";
import { recordAudit } from "../../audit";
import { appError, notFound } from "../../errors";
import { logger } from "../../logger";
import { publicIdInput } from "../../public-ids";
import { getRedis } from "../../redis";
import { actingUserId, assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { emitAlarmEvent, ruleWebhookIds } from "./_emit";
import { alarmSchema, toAlarmDto } from "./dto";

export const clearAlarmInput = z.object({ id: publicIdInput("alm"), comment: z.string().trim().max(1000).optional() });
export const clearAlarmOutput = alarmSchema;

/** Clears an alarm by hand; the rule can raise a new one for the device afterwards. */
export async function clearAlarm(scope: Scope, input: z.output<typeof clearAlarmInput>) {
  assertAllowed(scope, "alert.manage");
  const userId = actingUserId(scope);
  if (!userId) throw appError("FORBIDDEN", "forbidden", "Only a member can clear an alarm");
  const { alarm, hooks, ruleId, deviceId } = await inTenant(scope, async (tx) => {
    const a = await findAlarm(tx, scope.tenant.id, input.id);
    if (!a) throw notFound("Alarm");
    if (a.status === "cleared") throw appError("CONFLICT", "alarm_cleared", "The alarm is cleared already");
    if (!(await clearAlarmByHand(tx, scope.tenant.id, input.id, userId, input.comment || null)))
      throw appError("CONFLICT", "alarm_cleared", "The alarm changed meanwhile: reload it");
    return {
      alarm: toAlarmDto((await findAlarm(tx, scope.tenant.id, input.id))!),
      hooks: await ruleWebhookIds(tx, scope.tenant.id, a.ruleId),
      ruleId: a.ruleId,
      deviceId: a.deviceId,
    };
  });
  // The worker's evaluation state still says "active": drop it so the rule can raise again.
  await getRedis()
    .del(alertStateKey(getEnv().REDIS_PREFIX, ruleId, deviceId))
    .catch((err: Error) => logger.warn({ err: err.message }, "could not reset alert state"));
  await emitAlarmEvent(scope.tenant.id, "alarm.cleared", alarm, hooks);
  await recordAudit(auditOf(scope), { action: "alarm.clear", targetType: "alarm", targetId: alarm.id, targetName: alarm.title });
  return alarm;
}
