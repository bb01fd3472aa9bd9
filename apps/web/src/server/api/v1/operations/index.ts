import type { Operation } from "../operation";
import { alarmOperations } from "./alarms";
import { alertRuleOperations } from "./alert-rules";
import { attributeOperations } from "./attributes";
import { auditOperations } from "./audit";
import { commandOperations } from "./commands";
import { dashboardShareOperations } from "./dashboard-shares";
import { dashboardOperations } from "./dashboards";
import { deviceOperations } from "./devices";
import { notificationOperations } from "./notifications";
import { productOperations } from "./products";
import { telemetryOperations } from "./telemetry";
import { webhookDeliveryOperations } from "./webhook-deliveries";
import { webhookOperations } from "./webhooks";

/**
 * Every operation of /api/v1. The router serves only these and the OpenAPI document describes exactly
 * these.
 */
export const operations: readonly Operation[] = [
  ...productOperations,
  ...deviceOperations,
  ...telemetryOperations,
  ...attributeOperations,
  ...commandOperations,
  ...auditOperations,
  ...alertRuleOperations,
  ...alarmOperations,
  ...webhookOperations,
  ...webhookDeliveryOperations,
  ...dashboardOperations,
  ...dashboardShareOperations,
  ...notificationOperations,
];
