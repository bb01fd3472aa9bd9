import { sql } from "drizzle-orm";
import { getDb } from "@/server/db";
import { logger } from "@/server/logger";
import { checkRedisConfig, getRedis } from "@/server/redis";

export const dynamic = "force-dynamic";

async function timed<T>(fn: () => Promise<T>, ms = 2000): Promise<T> {
  return Promise.race([fn(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms))]);
}

/**
 * Liveness and readiness: 200 when Postgres and Redis answer (and Redis is configured for BullMQ), else 503.
 * Public, so terse: which check failed, never why (the reason goes to the log). Metrics: the ops port.
 */
export async function GET(): Promise<Response> {
  const problems: Record<string, string> = {};
  try {
    await timed(() => getDb().execute(sql`select 1`));
  } catch (err) {
    problems.postgres = (err as Error).message;
  }
  try {
    await timed(() => getRedis().ping());
    const found = await timed(() => checkRedisConfig());
    if (found.length) problems.redis = found.join("; ");
  } catch (err) {
    problems.redis = (err as Error).message;
  }
  const ok = Object.keys(problems).length === 0;
  if (!ok) logger.warn({ problems }, "health check failed");
  const checks = { postgres: problems.postgres ? "failed" : "ok", redis: problems.redis ? "failed" : "ok" };
  return Response.json({ status: ok ? "ok" : "unavailable", checks }, { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
