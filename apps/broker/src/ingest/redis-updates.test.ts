import type { Redis } from "ioredis";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { redisKeys } from "../keys";
import { createRedisUpdates } from "./redis-updates";

/** Records the commands of each pipeline; PUBLISH answers with `receivers`. */
function fakeRedis(receivers = 0) {
  const pipelines: string[][][] = [];
  const redis = {
    pipeline() {
      const cmds: string[][] = [];
      const p = new Proxy(
        { length: 0 },
        {
          get(target, name) {
            if (name === "length") return cmds.length;
            if (name === "exec") {
              pipelines.push(cmds);
              return async () => cmds.map((c) => [null, c[0] === "publish" ? receivers : 1]);
            }
            return (...args: string[]) => (cmds.push([String(name), ...args.map(String)]), p);
          },
        },
      );
      return p;
    },
  };
  return { redis: redis as unknown as Redis, pipelines };
}

describe("redis updates", () => {
  it("gathers latest values (newest wins), usage and live updates into one pipeline", async () => {
    const { redis, pipelines } = fakeRedis(1);
    const keys = redisKeys("t:");
    const u = createRedisUpdates({ redis, keys, log: pino({ level: "silent" }), flushMs: 10_000 });
    const now = Date.UTC(2026, 0, 2, 12);
    u.latest("d1", { t: { ts: 2, value: 20 } });
    u.latest("d1", { t: { ts: 1, value: 10 }, h: { ts: 1, value: 50 } });
    u.usage("a", now, 2, 100);
    u.usage("a", now, 3, 50);
    u.live("a", { type: "presence", deviceId: "d1", online: true, at: now });
    await u.flush();
    expect(pipelines).toHaveLength(1);
    const cmds = pipelines[0]!;
    expect(cmds).toContainEqual([
      "hset",
      keys.latest("d1"),
      "t",
      JSON.stringify({ ts: 2, value: 20 }),
      "h",
      JSON.stringify({ ts: 1, value: 50 }),
    ]);
    expect(cmds).toContainEqual(["hincrby", keys.usage("a", "20260102"), "messages", "2"]);
    expect(cmds).toContainEqual(["hincrby", keys.usage("a", "20260102"), "points", "5"]);
    expect(cmds).toContainEqual(["publish", keys.live("a"), JSON.stringify([{ type: "presence", deviceId: "d1", online: true, at: now }])]);
    await u.flush();
    expect(pipelines).toHaveLength(1);
  });

  it("stops building telemetry for a tenant nobody watches, and looks again later", async () => {
    const { redis } = fakeRedis(0);
    const u = createRedisUpdates({ redis, keys: redisKeys(""), log: pino({ level: "silent" }), flushMs: 10_000 });
    const now = Date.now();
    expect(u.watched("a", now)).toBe(true);
    u.live("a", { type: "presence", deviceId: "d1", online: true, at: now });
    await u.flush();
    expect(u.watched("a", now + 10)).toBe(false);
    expect(u.watched("a", now + 3000)).toBe(true);
  });
});
