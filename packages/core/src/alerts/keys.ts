import { z } from "zod";

/**
 * Redis contract between web and worker for alert evaluation. `prefix` is REDIS_PREFIX.
 * Per-(rule, device) state is JSON (`PairState`); the web app deletes it when an alarm is cleared by hand,
 * so that the rule can raise again.
 */
export function alertStateKey(prefix: string, ruleId: string, deviceId: string): string {
  return `${prefix}aspen:alert:state:${ruleId}:${deviceId}`;
}

/** The change windows of one device (`DeviceWindows`), shared by every rule that reads them. */
export function alertWindowsKey(prefix: string, deviceId: string): string {
  return `${prefix}aspen:alert:windows:${deviceId}`;
}

/** Published by the web app when a tenant's rules change: workers drop their cached rules at once. */
export function alertRulesChangedChannel(prefix = ""): string {
  return `${prefix}aspen:alert:rules-changed`;
}
export const alertRulesChangedMessage = z.object({ tenantId: z.uuid(), productId: z.uuid().optional() });

/** Workers re-read rules at least this often, whether or not a change was published (< 5 s to take effect). */
export const alertRulesCacheTtlMs = 3000;
