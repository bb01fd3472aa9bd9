import { createDb, type Database } from "@aspen/db";
import { deviceConnections } from "@aspen/db/schema";
import { and, inArray, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brokerEnvVars, spawnBroker, type ChildBroker } from "./test/broker";
import { createFleet } from "./test/fixtures";
import { tryConnect, waitFor } from "./test/mqtt";
import { acksBetween, startQos1Fleet } from "./test/qos1-fleet";
import { startScratchPostgres, type ScratchPostgres } from "./test/scratch-services";

// The broker's own PostgreSQL goes away for a while and comes back; the shared one is never touched.
const outageMs = Number(process.env.FAULTS_PG_OUTAGE_MS ?? 6000);
const highWater = 300;

let pg: ScratchPostgres;
let db: Database;
let child: ChildBroker | undefined;

beforeAll(async () => {
  pg = await startScratchPostgres();
  db = createDb(pg.urls.DATABASE_URL, { system: true, max: 2 });
}, 60_000);

afterAll(async () => {
  if (child && child.process.exitCode === null) {
    child.process.kill("SIGTERM");
    await child.exited;
  }
  await db?.$close();
  await pg?.destroy();
});

async function gauge(httpPort: string, name: string): Promise<number> {
  const text = await fetch(`http://127.0.0.1:${httpPort}/metrics`).then((r) => r.text());
  return Number(new RegExp(`^${name} (\\S+)$`, "m").exec(text)?.[1] ?? NaN);
}

describe("PostgreSQL outage", () => {
  it(
    `stops acknowledging while PostgreSQL is down for ${outageMs / 1000} s, keeps a bounded buffer, resumes by itself and loses nothing acknowledged`,
    async () => {
      const fleet = await createFleet(db, 7);
      const late = fleet.devices[6];
      const vars = await brokerEnvVars({
        DATABASE_URL: pg.urls.DATABASE_URL,
        BATCH_MAX_MS: "20",
        BATCH_HIGH_WATER_ROWS: String(highWater),
      });
      child = await spawnBroker(vars);
      // Four polite devices (10 in flight) and two greedy ones (1000 in flight: only the broker holds them back).
      const polite = startQos1Fleet({ url: child.url, devices: fleet.devices.slice(0, 4), ratePerDevice: 50, window: 10 });
      const greedy = startQos1Fleet({ url: child.url, devices: fleet.devices.slice(4, 6), ratePerDevice: 400, window: 1000 });
      const fleets = [polite, greedy];
      await waitFor(async () => [...polite.acked.values(), ...greedy.acked.values()].every((s) => s.size > 50), 20_000);

      await pg.stop("fast");
      const down = Date.now();
      const port = vars.HTTP_PORT ?? "";
      let maxPending = 0;
      let refusedWhileDown: number | undefined;
      while (Date.now() - down < outageMs) {
        maxPending = Math.max(maxPending, await gauge(port, "aspen_broker_pending_rows"));
        if (late && refusedWhileDown === undefined && (await gauge(port, "aspen_broker_database_down")) === 1) {
          // A device connecting now is refused cleanly: nothing it sends could be stored.
          const r = await tryConnect(child.url, {
            username: late.username,
            password: late.secret,
          });
          if ("client" in r) r.client.end(true);
          refusedWhileDown = r.code;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      const sentDuring = fleets.reduce((n, f) => n + f.sent(), 0);
      // PostgreSQL accepts connections again before `pg_ctl start` returns (it polls, slowly on a busy machine),
      // and the broker resumes within a few hundred ms of that: the outage ends when the start begins.
      const starting = Date.now();
      await pg.start();
      const up = Date.now();

      // Acknowledged in the outage (after a second's grace for commits that made it just before): none.
      const ackedWhileDown = fleets.reduce((n, f) => n + acksBetween(f, down + 1000, starting), 0);
      // Resumes without a broker restart.
      const ackedBefore = fleets.reduce((n, f) => n + f.ackedTotal(), 0);
      await waitFor(async () => fleets.every((f) => acksBetween(f, starting, Date.now() + 1) > 20), 30_000).catch((e: Error) => {
        throw new Error(`${e.message}: no acknowledgements after PostgreSQL came back\n${child?.output().slice(-3000) ?? ""}`);
      });
      const resumedAfterMs = Math.min(...fleets.map((f) => f.ackTimes.find((t) => t > starting) ?? Infinity)) - starting;
      // Connections that closed during the outage get their rows closed once it is back (their writes wait for
      // the database and retry): soon at most the current connection of each device is open.
      const openRows = () =>
        db
          .select({
            deviceId: deviceConnections.deviceId,
            id: deviceConnections.id,
            clientId: deviceConnections.clientId,
            connectedAt: deviceConnections.connectedAt,
          })
          .from(deviceConnections)
          .where(
            and(
              inArray(
                deviceConnections.deviceId,
                fleet.devices.map((d) => d.id),
              ),
              isNull(deviceConnections.disconnectedAt),
            ),
          );
      const mostOpen = (rows: { deviceId: string }[]) => {
        const perDevice = new Map<string, number>();
        for (const r of rows) perDevice.set(r.deviceId, (perDevice.get(r.deviceId) ?? 0) + 1);
        return Math.max(0, ...perDevice.values());
      };
      let open = await openRows();
      for (const end = Date.now() + 15_000; mostOpen(open) > 1 && Date.now() < end; open = await openRows())
        await new Promise((r) => setTimeout(r, 250));
      await Promise.all(fleets.map((f) => f.stop()));
      expect(child.process.exitCode).toBeNull();

      expect(ackedWhileDown).toBe(0);
      expect(refusedWhileDown).toBe(3);
      // The buffer is bounded: a socket is not read while its messages wait for a commit, and beyond the
      // high-water mark a device that sends more is disconnected unacknowledged (the greedy ones were).
      expect(maxPending).toBeGreaterThan(0);
      expect(maxPending).toBeLessThan(highWater + 2 * 1500);
      expect(greedy.closes()).toBeGreaterThan(0);
      // Failing, it says which rows stayed open and what the broker logged (this failed once in a full run).
      const why = mostOpen(open) === 1 ? "" : `open connection rows: ${JSON.stringify(open)}\nbroker:\n${child.output().slice(-4000)}`;
      expect(mostOpen(open), why).toBe(1);
      for (const f of fleets) {
        for (const [deviceId, missing] of await f.missing(db)) {
          expect(missing, `device ${deviceId}: ${f.acked.get(deviceId)?.size ?? 0} acknowledged`).toEqual([]);
        }
      }
      const ackedTotal = fleets.reduce((n, f) => n + f.ackedTotal(), 0);
      expect(ackedTotal).toBeGreaterThan(ackedBefore);
      console.log(
        `postgres outage ${outageMs} ms: ${ackedTotal} acknowledged (all in PostgreSQL), 0 acknowledged while down, ` +
          `${maxPending} rows buffered at most, resumed ${resumedAfterMs} ms after the start began (pg_ctl returned after ${up - starting} ms), ` +
          `${fleets.reduce((n, f) => n + f.closes(), 0)} connections closed, ${fleets.reduce((n, f) => n + f.refusals(), 0)} refused, ` +
          `${sentDuring} sent by then`,
      );
    },
    outageMs + 60_000,
  );
});
