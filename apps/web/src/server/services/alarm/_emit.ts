import { findAlertRule, type Tx } from "@aspen/db";
import { emitWebhookEvent } from "../webhook/emit";
import { alarmWebhookData, type AlarmDto } from "./dto";

/** Endpoints a rule names in its actions (they get its alarm events besides the subscribers). */
export async function ruleWebhookIds(tx: Tx, tenantId: string, ruleId: string): Promise<string[]> {
  return (await findAlertRule(tx, tenantId, ruleId))?.spec.actions.webhookIds ?? [];
}

export function emitAlarmEvent(tenantId: string, type: "alarm.acknowledged" | "alarm.cleared", alarm: AlarmDto, endpointIds: string[]) {
  return emitWebhookEvent(tenantId, type, alarmWebhookData(alarm), { endpointIds });
}
