import { alertRuleSpecSchema, summarizeRule, type AlertRuleSpec, type ThingModel } from "@aspen/core";
import type { AlertRuleWithProduct } from "@aspen/db";
import { z } from "zod";
import { publicId } from "../../public-ids";

export const alertRuleSchema = z.object({
  id: z.string(),
  productId: z.string(),
  productName: z.string(),
  name: z.string(),
  severity: alertRuleSpecSchema.shape.severity,
  enabled: z.boolean(),
  triggerType: z.enum(["telemetry", "offline", "event"]),
  /** The rule as the form edits it, with public ids (`dev_…`, `whk_…`). */
  rule: alertRuleSpecSchema,
  /** Plain-words summaries. */
  summary: z.object({ en: z.string(), zhCN: z.string() }),
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type AlertRuleDto = z.infer<typeof alertRuleSchema>;

/** The stored spec (uuids) as the client sees it (public ids). */
export function publicSpec(spec: AlertRuleSpec): AlertRuleSpec {
  return {
    ...spec,
    deviceIds: spec.deviceIds.map((id) => publicId("dev", id)),
    actions: { ...spec.actions, webhookIds: spec.actions.webhookIds.map((id) => publicId("whk", id)) },
  };
}

export function toAlertRuleDto(r: AlertRuleWithProduct, thingModel?: ThingModel): AlertRuleDto {
  const rule = publicSpec(r.spec);
  return {
    id: publicId("rul", r.id),
    productId: publicId("prd", r.productId),
    productName: r.productName,
    name: r.name,
    severity: r.severity,
    enabled: r.enabled,
    triggerType: r.triggerType,
    rule,
    summary: {
      en: summarizeRule(rule, { locale: "en", ...(thingModel ? { thingModel } : {}) }),
      zhCN: summarizeRule(rule, { locale: "zh-CN", ...(thingModel ? { thingModel } : {}) }),
    },
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
