import type { Operation } from "../operation";
import { deviceOperations } from "./devices";
import { productOperations } from "./products";

/**
 * Every operation of /api/v1. The router serves only these and the OpenAPI document describes exactly
 * these. Alarms, alert rules and webhook endpoints join when their services land (the `alerts` work).
 */
export const operations: readonly Operation[] = [...productOperations, ...deviceOperations];
