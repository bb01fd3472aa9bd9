import { defaultPlanId, planOf, type PlanId } from "@aspen/core";
import { findTenantPlan } from "@aspen/db";
import { getSystemDb } from "../../db";
import { logger } from "../../logger";

/** How long this process trusts a tenant's plan before asking Postgres again. */
export const planCacheSeconds = 60;
/** Tenants remembered at most (the oldest entry goes first). */
const maxEntries = 10_000;

const cache = new Map<string, { plan: PlanId; until: number }>();
const loading = new Map<string, Promise<PlanId>>();

function remember(tenantId: string, plan: PlanId): void {
  cache.delete(tenantId);
  const oldest = cache.size >= maxEntries ? cache.keys().next().value : undefined;
  if (oldest !== undefined) cache.delete(oldest);
  cache.set(tenantId, { plan, until: Date.now() + planCacheSeconds * 1000 });
}

/**
 * The tenant's plan, from this process's memory for up to a minute (the REST hot path must not ask
 * Postgres per request). Concurrent misses for one tenant share one query. Unknown tenants read as
 * the default plan; when Postgres cannot answer, the last known plan (else the default) serves
 * without being cached.
 */
export async function tenantPlan(
  tenantId: string,
  now = Date.now(),
  load: (tenantId: string) => Promise<string | undefined> = (id) => findTenantPlan(getSystemDb(), id),
): Promise<PlanId> {
  const hit = cache.get(tenantId);
  if (hit && hit.until > now) return hit.plan;
  const inFlight = loading.get(tenantId);
  if (inFlight) return inFlight;
  const pending: Promise<PlanId> = load(tenantId).then(
    (stored) => {
      const plan = planOf(stored).id;
      // Not when the plan was changed (forgotten) while this query ran: it may have read the old one.
      if (loading.get(tenantId) === pending) remember(tenantId, plan);
      return plan;
    },
    (err: Error) => {
      logger.warn({ err: err.message, tenant: tenantId }, "tenant plan lookup failed; using the last known plan");
      return hit?.plan ?? defaultPlanId;
    },
  );
  loading.set(tenantId, pending);
  void pending.finally(() => {
    if (loading.get(tenantId) === pending) loading.delete(tenantId);
  });
  return pending;
}

/**
 * Drops the tenant's cached plan in this process (after a platform operator changed it), and any
 * lookup already under way. Other web processes pick the new plan up within `planCacheSeconds`.
 */
export function forgetTenantPlan(tenantId: string): void {
  cache.delete(tenantId);
  loading.delete(tenantId);
}
