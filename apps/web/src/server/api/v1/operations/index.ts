import type { Operation } from "../operation";
import { attributeOperations } from "./attributes";
import { auditOperations } from "./audit";
import { commandOperations } from "./commands";
import { deviceOperations } from "./devices";
import { productOperations } from "./products";
import { telemetryOperations } from "./telemetry";

/**
 * Every operation of /api/v1. The router serves only these and the OpenAPI document describes exactly
 * these. Not yet here: alarms (services/alarm), alert rules (services/alertRule) and webhook endpoints
 * (services/webhook) — their services exist; each needs a file of operations here, keyset `listAfter`
 * services for its lists (their lists are page-based), and happy-path calls in openapi.int.test.ts.
 * Their scopes (`alarms:*`, `rules:write`, `webhooks:*`) are already in core's scope table.
 */
export const operations: readonly Operation[] = [
  ...productOperations,
  ...deviceOperations,
  ...telemetryOperations,
  ...attributeOperations,
  ...commandOperations,
  ...auditOperations,
];
