import { assertDatabaseRoles } from "@aspen/db";
import { getEnv } from "../env";
import { getDb, getSystemDb } from "./db";
import { logger } from "./logger";
import { metrics } from "./metrics";
import { checkRedisConfig, getRedis } from "./redis";

/** Validates env and Redis persistence settings; exits the process with a clear message when unfit. */
export async function startupCheck(): Promise<void> {
  try {
    getEnv();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  try {
    const problems = await checkRedisConfig(getRedis());
    if (problems.length > 0) {
      logger.fatal({ problems }, "Redis is not configured for durable queues: set appendonly yes and maxmemory-policy noeviction");
      console.error(
        `web: refusing to start: Redis ${problems.join("; ")}. Start redis-server with --appendonly yes --maxmemory-policy noeviction.`,
      );
      process.exit(1);
    }
  } catch (err) {
    logger.fatal({ err: (err as Error).message }, "cannot reach Redis");
    console.error(`web: refusing to start: cannot reach Redis at REDIS_URL (${(err as Error).message})`);
    process.exit(1);
  }
  try {
    await assertDatabaseRoles({ tenant: getDb(), system: getSystemDb() });
  } catch (err) {
    logger.fatal({ err: (err as Error).message }, "database roles unfit for row-level security");
    console.error(`web: refusing to start: ${(err as Error).message}`);
    process.exit(1);
  }
  metrics(); // the ops port (server.mjs) serves this registry from the start
  logger.info({ appUrl: getEnv().APP_URL }, "web started");
}
