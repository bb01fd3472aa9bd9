import { apiRequestsPerMinute, planOf } from "@aspen/core";
import { getEnv } from "../../env";

/**
 * REST requests per minute per API key / OAuth grant of a tenant on `plan`: the plan's limit
 * (packages/core `plans`) unless the operator overrides it with API_RATE_PER_MINUTE.
 */
export function planRatePerMinute(plan: string): number {
  return apiRequestsPerMinute(planOf(plan).id, getEnv().API_RATE_PER_MINUTE);
}
