import { planOf, type PlanId } from "@aspen/core";
import { findTenantPlan } from "@aspen/db";
import { getSystemDb } from "../../db";

/** How long this process trusts a tenant's plan before asking Postgres again. */
export const planCacheSeconds = 60;
/** Tenants remembered at most (the oldest entry goes first). */
const maxEntries = 10_000;

const cache = new Map<string, { plan: PlanId; until: number }>();
const loading = new Map<string, Promise<PlanId>>();

/**
 * The tenant's plan, from this process's memory for up to a minute (the REST hot path must not ask
 * Postgres per request). Concurrent misses for one tenant share one query. Unknown tenants read as
 * the default plan.
 */
export async function tenantPlan(tenantId: string, now = Date.now()): Promise<PlanId> {
  const hit = cache.get(tenantId);
  if (hit && hit.until > now) return hit.plan;
  let pending = loading.get(tenantId);
  if (!pending) {
    pending = findTenantPlan(getSystemDb(), tenantId)
      .then((stored) => {
        const plan = planOf(stored).id;
        cache.delete(tenantId);
        const oldest = cache.size >= maxEntries ? cache.keys().next().value : undefined;
        if (oldest !== undefined) cache.delete(oldest);
        cache.set(tenantId, { plan, until: Date.now() + planCacheSeconds * 1000 });
        return plan;
      })
      .finally(() => loading.delete(tenantId));
    loading.set(tenantId, pending);
  }
  return pending;
}

/**
 * Drops the tenant's cached plan in this process (after a platform operator changed it). Other web
 * processes pick the new plan up within `planCacheSeconds`.
 */
export function forgetTenantPlan(tenantId: string): void {
  cache.delete(tenantId);
}
