import { addDeviceNeeds, emptyNeeds, targetsDevice, type DeviceNeeds, type TelemetryTrigger } from "@aspen/core";
import type { AlertRuleRow } from "@aspen/db";

/** One telemetry rule that selects a device, with what evaluating it per read needs. */
export interface PairPlan {
  rule: AlertRuleRow;
  trigger: TelemetryTrigger;
  /** Its state's key in Redis (made once, so its hash is too). */
  key: string;
}

/** The telemetry rules that select a device and what of the device they read beyond one point. */
export interface DevicePlan {
  pairs: PairPlan[];
  needs: DeviceNeeds;
}

type Labels = { labels: Record<string, string> } | null | undefined;
type Plans = Map<string, { labels: Labels; plan: DevicePlan }>;

/**
 * Which rules select a device, worked out once per rules list (the rule cache hands out a new list when it
 * re-reads one) and device labels, not once per read: a read touches every (rule, device) of its devices.
 */
export function createPlanCache(keyOf: (ruleId: string, deviceId: string) => string) {
  const plans = new WeakMap<AlertRuleRow[], Plans>();
  return (rules: AlertRuleRow[], item: { tenantId: string; deviceId: string }, labels: Labels): DevicePlan => {
    let byDevice = plans.get(rules);
    if (!byDevice) {
      byDevice = new Map() as Plans;
      plans.set(rules, byDevice);
    }
    const hit = byDevice.get(item.deviceId);
    if (hit && hit.labels === labels) return hit.plan;
    const pairs: PairPlan[] = [];
    const needs = emptyNeeds();
    for (const r of rules) {
      const t = r.spec.trigger;
      if (t.type !== "telemetry" || r.tenantId !== item.tenantId) continue;
      if (!targetsDevice(r.spec, { id: item.deviceId, labels: labels?.labels ?? {} })) continue;
      pairs.push({ rule: r, trigger: t, key: keyOf(r.id, item.deviceId) });
      addDeviceNeeds([t, r.spec.clear], needs);
    }
    const plan = { pairs, needs };
    byDevice.set(item.deviceId, { labels, plan });
    return plan;
  };
}
export type PlanCache = ReturnType<typeof createPlanCache>;
