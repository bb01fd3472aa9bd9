import { alarmTimeline, findAlarm } from "@aspen/db";
import { z } from "zod";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { alarmEventSchema, alarmSchema, toAlarmDto, toAlarmEventDto } from "./dto";

export const alarmByIdInput = z.object({ id: publicIdInput("alm") });
export const alarmByIdOutput = z.object({ alarm: alarmSchema, timeline: z.array(alarmEventSchema) });

/** One alarm with its timeline (created, acknowledged, cleared), oldest first. */
export async function alarmById(scope: Scope, input: z.output<typeof alarmByIdInput>) {
  assertAllowed(scope, "device.read");
  return inTenant(scope, async (tx) => {
    const a = await findAlarm(tx, scope.tenant.id, input.id);
    if (!a) throw notFound("Alarm");
    return { alarm: toAlarmDto(a), timeline: (await alarmTimeline(tx, scope.tenant.id, a.id)).map(toAlarmEventDto) };
  });
}
