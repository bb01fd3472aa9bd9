import { createDb, type Database } from "@aspen/db";
import { commands } from "@aspen/db/schema";
import { eq } from "drizzle-orm";
import { Redis } from "ioredis";
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisKeys } from "./keys";
import { brokerEnvVars, spawnBroker, type ChildBroker } from "./test/broker";
import { createFleet, insertCommand, type TestDevice } from "./test/fixtures";
import { connect, waitFor } from "./test/mqtt";
import { acksBetween, startQos1Fleet } from "./test/qos1-fleet";
import { startScratchPostgres, startScratchRedis, type ScratchPostgres, type ScratchRedis } from "./test/scratch-services";

// The broker's own Redis is killed and started again; the shared Redis is never touched. Its PostgreSQL is
// its own too: every broker's sweep sends the stranded commands it finds in its database, so a broker of
// another test file on the shared database claimed the command created during the outage and published it
// into its own Redis, where this device never saw it.
const downMs = Number(process.env.FAULTS_REDIS_DOWN_MS ?? 2000);

let redisServer: ScratchRedis;
let pg: ScratchPostgres;
let db: Database;
let child: ChildBroker | undefined;
const clients: MqttClient[] = [];

beforeAll(async () => {
  [redisServer, pg] = await Promise.all([startScratchRedis(), startScratchPostgres()]);
  db = createDb(pg.urls.DATABASE_URL, { system: true, max: 2 });
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.end(true);
  if (child && child.process.exitCode === null) {
    child.process.kill("SIGTERM");
    await child.exited;
  }
  await db?.$close();
  await redisServer?.destroy();
  await pg?.destroy();
});

const status = async (id: string) => (await db.select({ status: commands.status }).from(commands).where(eq(commands.id, id)))[0]?.status;

/** A device that answers every command it gets with `{"ok":true}` and records their request ids. */
function answering(c: MqttClient): string[] {
  const got: string[] = [];
  c.on("message", (topic) => {
    const id = topic.split("/").pop() ?? "";
    got.push(id);
    c.publish(`v1/devices/me/rpc/response/${id}`, JSON.stringify({ ok: true }), { qos: 1 });
  });
  return got;
}

describe("Redis restart", () => {
  it(
    "loses no acknowledged message, delivers the commands queued around it and keeps working without a restart",
    async () => {
      const fleet = await createFleet(db, 6);
      const [cmdDevice, lateDevice, ...publishers] = fleet.devices as [TestDevice, TestDevice, ...TestDevice[]];
      const vars = await brokerEnvVars({ REDIS_URL: redisServer.url, DATABASE_URL: pg.urls.DATABASE_URL, BATCH_MAX_MS: "20" });
      child = await spawnBroker(vars);
      const pid = child.process.pid;
      const keys = redisKeys(vars.REDIS_PREFIX);
      const web = new Redis(redisServer.url, { maxRetriesPerRequest: null });
      web.on("error", () => {}); // reconnects on its own
      const notify = (d: TestDevice, commandId: string) =>
        web.publish(keys.channels.command, JSON.stringify({ tenantId: d.tenantId, deviceId: d.id, commandId }));

      // A device listening for commands (mqtt.js reconnects and resubscribes if its connection drops).
      const listener = await connect(child.url, { username: cmdDevice.username, password: cmdDevice.secret, reconnectPeriod: 500 });
      clients.push(listener);
      await listener.subscribeAsync("v1/devices/me/rpc/request/+", { qos: 1 });
      const received = answering(listener);
      const before = await insertCommand(db, cmdDevice);
      await waitFor(async () => (await notify(cmdDevice, before.id)) && (await status(before.id)) === "succeeded", 10_000);
      // Queued for a device that is offline now and connects after the restart.
      const forLate = await insertCommand(db, lateDevice, { ttlMs: 120_000 });

      const fleetRun = startQos1Fleet({ url: child.url, devices: publishers, ratePerDevice: 50, window: 10 });
      await waitFor(async () => [...fleetRun.acked.values()].every((s) => s.size > 50), 20_000);

      await redisServer.stop("kill");
      const down = Date.now();
      // Created while Redis is down: the web app's notification is lost with it; the row is all there is.
      const during = await insertCommand(db, cmdDevice, { ttlMs: 120_000 });
      await new Promise((r) => setTimeout(r, downMs));
      await redisServer.start();
      const up = Date.now();

      await waitFor(async () => acksBetween(fleetRun, up, Date.now() + 1) > 20, 30_000).catch((e: Error) => {
        throw new Error(`${e.message}: no acknowledgements after Redis came back\n${child?.output().slice(-3000) ?? ""}`);
      });
      const after = await insertCommand(db, cmdDevice, { ttlMs: 120_000 });
      await waitFor(async () => (await notify(cmdDevice, after.id)) >= 0 && (await status(after.id)) === "succeeded", 20_000).catch(
        (e: Error) => {
          throw new Error(`${e.message}: command after the restart not completed\n${child?.output().slice(-3000) ?? ""}`);
        },
      );
      await waitFor(async () => (await status(during.id)) === "succeeded", 20_000);
      // A device connecting after the restart (its credentials were cached in the Redis that restarted).
      const late = await connect(child.url, { username: lateDevice.username, password: lateDevice.secret });
      clients.push(late);
      const lateGot = answering(late);
      await late.subscribeAsync("v1/devices/me/rpc/request/+", { qos: 1 });
      await waitFor(async () => (await status(forLate.id)) === "succeeded", 20_000);

      await fleetRun.stop();
      expect(child.process.exitCode).toBeNull();
      expect(child.process.pid).toBe(pid);
      for (const [deviceId, missing] of await fleetRun.missing(db)) {
        expect(missing, `device ${deviceId}: ${fleetRun.acked.get(deviceId)?.size ?? 0} acknowledged`).toEqual([]);
      }
      // Each command reached its device exactly once.
      const ids = (...cs: { requestId: number }[]) => cs.map((c) => String(c.requestId)).sort();
      expect([...received].sort()).toEqual(ids(before, during, after));
      expect(lateGot).toEqual(ids(forLate));
      const ackedWhileDown = acksBetween(fleetRun, down, up);
      console.log(
        `redis restart (${downMs} ms down): ${fleetRun.ackedTotal()} acknowledged (all in PostgreSQL, ${ackedWhileDown} while Redis was down), ` +
          `${fleetRun.closes()} connections closed, ${fleetRun.refusals()} refused, 4 commands delivered once each`,
      );
      web.disconnect();
    },
    downMs + 90_000,
  );
});
