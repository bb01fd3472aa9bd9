import { severities, type Severity } from "@aspen/core";
import { countOpenAlarms } from "@aspen/db";
import { z } from "zod";
import { assertAllowed, inTenant, type Scope } from "../scope";

export const activeAlarmCountInput = z.object({});
// An object with one field per severity (not a record): its JSON Schema names each property.
const countsBySeverity = z.object(Object.fromEntries(severities.map((s) => [s, z.number().int()])) as Record<Severity, z.ZodNumber>);
export const activeAlarmCountOutput = z.object({ total: z.number().int(), bySeverity: countsBySeverity });

/** Alarms not yet cleared (active or acknowledged), in all and by severity: the header badge. */
export async function activeAlarmCount(scope: Scope, _input: z.output<typeof activeAlarmCountInput>) {
  assertAllowed(scope, "device.read");
  const bySeverity = await inTenant(scope, (tx) => countOpenAlarms(tx, scope.tenant.id));
  return { total: Object.values(bySeverity).reduce((a, b) => a + b, 0), bySeverity };
}
