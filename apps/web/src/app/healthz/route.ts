import { sql } from "drizzle-orm";
import { getDb } from "@/server/db";
import { checkRedisConfig, getRedis } from "@/server/redis";

export const dynamic = "force-dynamic";

async function timed<T>(fn: () => Promise<T>, ms = 2000): Promise<T> {
  return Promise.race([fn(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms))]);
}

/** Liveness and readiness: 200 when Postgres and Redis answer (and Redis is configured for BullMQ), else 503. */
export async function GET(): Promise<Response> {
  const checks: Record<string, { ok: boolean; error?: string }> = {};
  try {
    await timed(() => getDb().execute(sql`select 1`));
    checks.postgres = { ok: true };
  } catch (err) {
    checks.postgres = { ok: false, error: (err as Error).message };
  }
  try {
    await timed(() => getRedis().ping());
    const problems = await timed(() => checkRedisConfig());
    checks.redis = problems.length ? { ok: false, error: problems.join("; ") } : { ok: true };
  } catch (err) {
    checks.redis = { ok: false, error: (err as Error).message };
  }
  const ok = Object.values(checks).every((c) => c.ok);
  return Response.json({ status: ok ? "ok" : "unavailable", service: "web", checks }, { status: ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
