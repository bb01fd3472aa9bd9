import type { Database } from "@aspen/db";
import { deviceConnections, devices, telemetry } from "@aspen/db/schema";
import { and, eq, inArray } from "drizzle-orm";
import mqtt, { type MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brokerEnvVars, spawnBroker, type ChildBroker } from "./test/broker";
import { createFleet, fixtureDb } from "./test/fixtures";
import { waitFor } from "./test/mqtt";

let db: Database;
let child: ChildBroker | undefined;

beforeAll(() => {
  db = fixtureDb();
});

afterAll(async () => {
  if (child && child.process.exitCode === null) {
    child.process.kill("SIGTERM");
    await child.exited;
  }
  await db?.$close();
});

describe("durability", () => {
  it("keeps every acknowledged QoS 1 message when the broker is SIGKILLed mid-stream", async () => {
    const fleet = await createFleet(db, 4);
    const vars = await brokerEnvVars({ BATCH_MAX_MS: "20" });
    child = await spawnBroker(vars);
    const base = Date.now() - 10 * 60_000;
    const acked = new Map<string, Set<number>>();
    let stop = false;

    const publishers = fleet.devices.map(async (d) => {
      const set = new Set<number>();
      acked.set(d.id, set);
      const c: MqttClient = mqtt.connect(child!.url, { protocolVersion: 4, reconnectPeriod: 0, username: d.username, password: d.secret });
      await new Promise((resolve, reject) => {
        c.once("connect", resolve);
        c.once("error", reject);
      });
      let i = 0;
      const inflight = new Set<Promise<void>>();
      // publishes in flight when the broker dies never settle: stop waiting for them then
      const closed = new Promise<void>((resolve) => c.once("close", () => resolve()));
      while (!stop && c.connected) {
        const n = i++;
        const p = c
          .publishAsync("v1/devices/me/telemetry", JSON.stringify({ ts: base + n, values: { temperature: n % 100 } }), { qos: 1 })
          .then(
            () => void set.add(n),
            () => {},
          );
        inflight.add(p);
        void p.finally(() => inflight.delete(p));
        if (inflight.size >= 20) await Promise.race([...inflight, closed]);
      }
      c.end(true);
    });

    await waitFor(async () => [...acked.values()].every((s) => s.size > 200), 20_000);
    child.process.kill("SIGKILL");
    await child.exited;
    stop = true;
    await Promise.all(publishers);

    const ackedTotal = [...acked.values()].reduce((n, s) => n + s.size, 0);
    expect(ackedTotal).toBeGreaterThan(200);
    for (const [deviceId, set] of acked) {
      const rows = await db.select({ ts: telemetry.ts }).from(telemetry).where(eq(telemetry.deviceId, deviceId));
      const stored = new Set(rows.map((r) => r.ts.getTime() - base));
      const missing = [...set].filter((n) => !stored.has(n));
      expect(missing, `device ${deviceId}: ${set.size} acknowledged, ${rows.length} stored`).toEqual([]);
    }

    // The restarted broker (same id) closes what its previous run left open.
    const ids = fleet.devices.map((d) => d.id);
    child = await spawnBroker(vars);
    const open = await db
      .select()
      .from(deviceConnections)
      .where(and(inArray(deviceConnections.deviceId, ids), eq(deviceConnections.reason, "broker restarted")));
    expect(open.length).toBe(4);
    const rows = await db.select({ online: devices.online }).from(devices).where(inArray(devices.id, ids));
    expect(rows.every((r) => !r.online)).toBe(true);
    console.log(`durability: ${ackedTotal} acknowledged QoS 1 messages before SIGKILL, all present after restart`);
  });
});

describe("supervisor", () => {
  it("restarts a broker that died", async () => {
    const { spawn } = await import("node:child_process");
    const { join, dirname } = await import("node:path");
    const { fileURLToPath } = await import("node:url");
    const vars = await brokerEnvVars();
    const here = dirname(fileURLToPath(import.meta.url));
    const sup = spawn(process.execPath, ["--import", "tsx", join(here, "supervisor.ts")], {
      env: { PATH: process.env.PATH, ...vars, LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    sup.stdout.on("data", (d: Buffer) => (out += d));
    sup.stderr.on("data", (d: Buffer) => (out += d));
    const pids = () => [...out.matchAll(/"msg":"broker started"[^\n]*"pid":(\d+)/g)].map((m) => Number(m[1]));
    const listening = () => (out.match(/"broker listening"/g) ?? []).length;
    try {
      await waitFor(async () => listening() === 1, 30_000);
      process.kill(pids()[0]!, "SIGKILL");
      await waitFor(async () => listening() === 2, 30_000);
      expect(pids()).toHaveLength(2);
      expect(out).toContain("broker exited; restarting");
    } finally {
      sup.kill("SIGTERM");
      await new Promise((r) => sup.once("exit", r));
    }
  });
});
