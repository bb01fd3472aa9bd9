import type { Operation } from "../operation";
import { attributeOperations } from "./attributes";
import { auditOperations } from "./audit";
import { commandOperations } from "./commands";
import { deviceOperations } from "./devices";
import { productOperations } from "./products";
import { telemetryOperations } from "./telemetry";

/**
 * Every operation of /api/v1. The router serves only these and the OpenAPI document describes exactly
 * these. Alarms, alert rules and webhook endpoints join when their services land (the `alerts` work:
 * scopes `alarms:*`, `rules:write`, `webhooks:*` are already in core's scope table).
 */
export const operations: readonly Operation[] = [
  ...productOperations,
  ...deviceOperations,
  ...telemetryOperations,
  ...attributeOperations,
  ...commandOperations,
  ...auditOperations,
];
