import { defaultPlanId, planChangedMessage, planOf, redisKeys, type PlanId } from "@aspen/core";
import { findTenantPlan } from "@aspen/db";
import { getEnv } from "../../../env";
import { getSystemDb } from "../../db";
import { getLiveHub } from "../../live/hub";
import { logger } from "../../logger";
import { getRedis } from "../../redis";

/** How long this process trusts a tenant's plan before asking Postgres again. */
export const planCacheSeconds = 60;
/** Tenants remembered at most (the oldest entry goes first). */
const maxEntries = 10_000;

const cache = new Map<string, { plan: PlanId; until: number }>();
const loading = new Map<string, Promise<PlanId>>();
let watching = false;

/** Listens (once per process) for plan changes announced by any web process: the tenant's cached plan is dropped. */
function watchPlanChanges(): void {
  if (watching) return;
  watching = true;
  getLiveHub().watchPlans(redisKeys(getEnv().REDIS_PREFIX).planChanged, (m) => forgetTenantPlan(m.tenantId));
}

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
  watchPlanChanges();
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
 * Drops the tenant's cached plan in this process (after a platform operator changed it, or when
 * another process announced a change), and any lookup already under way.
 */
export function forgetTenantPlan(tenantId: string): void {
  cache.delete(tenantId);
  loading.delete(tenantId);
}

/**
 * Tells every web process that the tenant's plan changed (after the change committed): they drop
 * its cached plan at once. A process that misses the message (Redis reconnecting) still reads the
 * plan again within `planCacheSeconds`. Never throws.
 */
export async function announcePlanChange(tenantId: string): Promise<void> {
  try {
    await getRedis().publish(redisKeys(getEnv().REDIS_PREFIX).planChanged, JSON.stringify(planChangedMessage.parse({ tenantId })));
  } catch (err) {
    logger.error({ err: (err as Error).message, tenant: tenantId }, "could not announce a plan change");
  }
}
