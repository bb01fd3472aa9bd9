import { severities } from "@aspen/core";
import { listAlarms as readAlarms } from "@aspen/db";
import { z } from "zod";
import { mapPage, pageInput } from "../../pagination";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { alarmSchema, alarmStatuses, toAlarmDto } from "./dto";

export const listAlarmsInput = z.object({
  severity: z.array(z.enum(severities)).max(severities.length).optional(),
  status: z.array(z.enum(alarmStatuses)).max(3).optional(),
  deviceId: publicIdInput("dev").optional(),
  productId: publicIdInput("prd").optional(),
  ruleId: publicIdInput("rul").optional(),
  /** Alarms seen at or after. */
  from: z.coerce.date().optional(),
  /** Alarms first seen at or before. */
  to: z.coerce.date().optional(),
  ...pageInput,
});
export const listAlarmsOutput = z.object({
  items: z.array(alarmSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** Alarms, newest first, filtered by severity, status, device, product, rule and time. */
export async function listAlarms(scope: Scope, input: z.output<typeof listAlarmsInput>) {
  assertAllowed(scope, "device.read");
  const page = await inTenant(scope, (tx) => readAlarms(tx, scope.tenant.id, input));
  return mapPage(page, toAlarmDto);
}
