import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertRedisDurable, createRedis, RedisNotDurableError } from "./redis";

const REDIS_URL = process.env.REDIS_URL;
if (!REDIS_URL) throw new Error('REDIS_URL is not set: run the tests through `npm test` or `eval "$(scripts/services.sh)"`');

// A second, real redis-server started without persistence, to prove the check refuses it.
let loose: ChildProcess;
const loosePort = 20000 + Math.floor(Math.random() * 20000);
beforeAll(async () => {
  loose = spawn(
    "redis-server",
    [
      "--port",
      String(loosePort),
      "--bind",
      "127.0.0.1",
      "--appendonly",
      "no",
      "--save",
      "",
      "--maxmemory-policy",
      "allkeys-lru",
      "--dir",
      mkdtempSync(join(tmpdir(), "aspen-redis-")),
    ],
    { stdio: "ignore" },
  );
  const probe = createRedis(`redis://127.0.0.1:${loosePort}`, { lazyConnect: true, retryStrategy: () => 100 });
  for (let i = 0; i < 50; i++) {
    if (
      await probe.connect().then(
        () => true,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  probe.disconnect();
});
afterAll(() => {
  loose?.kill("SIGTERM");
});

describe("assertRedisDurable", () => {
  it("accepts the project's Redis (appendonly yes, noeviction)", async () => {
    const redis = createRedis(REDIS_URL);
    await expect(assertRedisDurable(redis)).resolves.toBeUndefined();
    redis.disconnect();
  });

  it("refuses a Redis without AOF and with an evicting policy, naming both problems", async () => {
    const redis = createRedis(`redis://127.0.0.1:${loosePort}`);
    const err = await assertRedisDurable(redis).catch((e: unknown) => e);
    redis.disconnect();
    expect(err).toBeInstanceOf(RedisNotDurableError);
    expect((err as Error).message).toContain('appendonly is "no"');
    expect((err as Error).message).toContain('maxmemory-policy is "allkeys-lru"');
  });
});
