import { z } from "zod";
import { alarmEventSchema, alarmSchema } from "../../services/alarm/dto";
import { alertRuleSchema } from "../../services/alertRule/dto";
import { commandSchema } from "../../services/command/dto";
import { deviceSchema } from "../../services/device/dto";
import { productSchema } from "../../services/product/dto";
import { webhookAttemptSchema, webhookDeliverySchema, webhookEndpointSchema } from "../../services/webhook/dto";

/**
 * The services' resource schemas the REST document names: each becomes one `components/schemas` entry
 * that the operations refer to (and a named type of the generated client, `components["schemas"]["Alarm"]`)
 * instead of a copy inlined in every answer. Registered here, not on the services' schemas, because
 * the names are the document's business.
 */
const names: [z.ZodType, string][] = [
  [productSchema, "Product"],
  [deviceSchema, "Device"],
  [commandSchema, "Command"],
  [alertRuleSchema, "AlertRule"],
  [alarmSchema, "Alarm"],
  [alarmEventSchema, "AlarmEvent"],
  [webhookEndpointSchema, "WebhookEndpoint"],
  [webhookDeliverySchema, "WebhookDelivery"],
  [webhookAttemptSchema, "WebhookAttempt"],
];

/** Registers the names (idempotent); call before converting schemas for the document. */
export function nameResourceSchemas(): void {
  for (const [schema, id] of names) {
    const meta = z.globalRegistry.get(schema);
    if (meta?.id !== id) z.globalRegistry.add(schema, { ...meta, id });
  }
}
