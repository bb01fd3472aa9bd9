import { z } from "zod";
import { alarmEventSchema, alarmSchema } from "../../services/alarm/dto";
import { alertRuleSchema } from "../../services/alertRule/dto";
import { commandSchema } from "../../services/command/dto";
import { dashboardSchema } from "../../services/dashboard/dto";
import { widgetDataSchema } from "../../services/dashboard/widget-data";
import { dashboardShareSchema } from "../../services/dashboardShare/dto";
import { deviceSchema } from "../../services/device/dto";
import { notificationSchema } from "../../services/notification/dto";
import { productSchema } from "../../services/product/dto";
import { webhookAttemptSchema, webhookDeliverySchema, webhookEndpointSchema } from "../../services/webhook/dto";

/**
 * The services' resource schemas the REST document names: each becomes one `components/schemas` entry
 * that the operations refer to (and a named type of the generated client, `components["schemas"]["Alarm"]`)
 * instead of a copy inlined in every answer. Registered here, not on the services' schemas, because
 * the names are the document's business. Only schemas that read the same as input and output (or
 * appear only in answers) may be named: one component cannot be both (a dashboard layout with
 * defaults stays inline).
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
  [dashboardSchema, "Dashboard"],
  [widgetDataSchema, "WidgetData"],
  [dashboardShareSchema, "DashboardShare"],
  [notificationSchema, "Notification"],
];

/** Registers the names (idempotent); call before converting schemas for the document. */
export function nameResourceSchemas(): void {
  for (const [schema, id] of names) {
    const meta = z.globalRegistry.get(schema);
    if (meta?.id !== id) z.globalRegistry.add(schema, { ...meta, id });
  }
}
