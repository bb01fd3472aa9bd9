import type { Operation } from "../operation";
import { alertRuleOperations } from "./alert-rules";
import { attributeOperations } from "./attributes";
import { auditOperations } from "./audit";
import { commandOperations } from "./commands";
import { deviceOperations } from "./devices";
import { productOperations } from "./products";
import { telemetryOperations } from "./telemetry";
import { webhookOperations } from "./webhooks";

/**
 * Every operation of /api/v1. The router serves only these and the OpenAPI document describes exactly
 * these. Not yet here: alarms (services/alarm: get, acknowledge, clear, and a keyset list whose
 * severity/status filters are arrays), alert-rule enable/disable and webhook update, rotate, test and
 * deliveries. Their scopes (`alarms:*`, `webhooks:*`) are already in core's scope table.
 */
export const operations: readonly Operation[] = [
  ...productOperations,
  ...deviceOperations,
  ...telemetryOperations,
  ...attributeOperations,
  ...commandOperations,
  ...auditOperations,
  ...alertRuleOperations,
  ...webhookOperations,
];
