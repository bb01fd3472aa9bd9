import { createDb, type Database } from "@aspen/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { brokerEnvVars, spawnBroker, type ChildBroker } from "./test/broker";
import { createFleet } from "./test/fixtures";
import { waitFor } from "./test/mqtt";
import { acksBetween, startQos1Fleet } from "./test/qos1-fleet";
import { startScratchPostgres, type ScratchPostgres } from "./test/scratch-services";

// The broker's own PostgreSQL goes away for a while and comes back; the shared one is never touched.
const outageMs = Number(process.env.FAULTS_PG_OUTAGE_MS ?? 6000);

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

async function pendingRows(httpPort: string): Promise<number> {
  const text = await fetch(`http://127.0.0.1:${httpPort}/metrics`).then((r) => r.text());
  return Number(/^aspen_broker_pending_rows (\S+)$/m.exec(text)?.[1] ?? NaN);
}

describe("PostgreSQL outage", () => {
  it(
    `stops acknowledging while PostgreSQL is down for ${outageMs / 1000} s, keeps a bounded buffer, resumes by itself and loses nothing acknowledged`,
    async () => {
      const fleet = await createFleet(db, 6);
      const vars = await brokerEnvVars({ DATABASE_URL: pg.urls.DATABASE_URL, BATCH_MAX_MS: "20" });
      child = await spawnBroker(vars);
      // Four polite devices (10 in flight) and two greedy ones (1000 in flight: only the broker holds them back).
      const polite = startQos1Fleet({ url: child.url, devices: fleet.devices.slice(0, 4), ratePerDevice: 50, window: 10 });
      const greedy = startQos1Fleet({ url: child.url, devices: fleet.devices.slice(4), ratePerDevice: 400, window: 1000 });
      const fleets = [polite, greedy];
      await waitFor(async () => [...polite.acked.values(), ...greedy.acked.values()].every((s) => s.size > 50), 20_000);

      await pg.stop("fast");
      const down = Date.now();
      let maxPending = 0;
      while (Date.now() - down < outageMs) {
        maxPending = Math.max(maxPending, await pendingRows(vars.HTTP_PORT ?? ""));
        await new Promise((r) => setTimeout(r, 250));
      }
      const sentDuring = fleets.reduce((n, f) => n + f.sent(), 0);
      await pg.start();
      const up = Date.now();

      // Acknowledged in the outage (after a second's grace for commits that made it just before): none.
      const ackedWhileDown = fleets.reduce((n, f) => n + acksBetween(f, down + 1000, up), 0);
      // Resumes without a broker restart.
      const ackedBefore = fleets.reduce((n, f) => n + f.ackedTotal(), 0);
      await waitFor(async () => fleets.every((f) => acksBetween(f, up, Date.now() + 1) > 20), 30_000).catch((e: Error) => {
        throw new Error(`${e.message}: no acknowledgements after PostgreSQL came back\n${child?.output().slice(-3000) ?? ""}`);
      });
      const resumedAfterMs = Math.min(...fleets.map((f) => f.ackTimes.find((t) => t > up) ?? Infinity)) - up;
      await new Promise((r) => setTimeout(r, 1000));
      await Promise.all(fleets.map((f) => f.stop()));
      expect(child.process.exitCode).toBeNull();

      expect(ackedWhileDown).toBe(0);
      // The buffer is bounded: the broker stops reading a socket while its messages wait for a commit.
      expect(maxPending).toBeGreaterThan(0);
      expect(maxPending).toBeLessThan(5000);
      for (const f of fleets) {
        for (const [deviceId, missing] of await f.missing(db)) {
          expect(missing, `device ${deviceId}: ${f.acked.get(deviceId)?.size ?? 0} acknowledged`).toEqual([]);
        }
      }
      const ackedTotal = fleets.reduce((n, f) => n + f.ackedTotal(), 0);
      expect(ackedTotal).toBeGreaterThan(ackedBefore);
      console.log(
        `postgres outage ${outageMs} ms: ${ackedTotal} acknowledged (all in PostgreSQL), 0 acknowledged while down, ` +
          `${maxPending} rows buffered at most, resumed ${resumedAfterMs} ms after start, ` +
          `${fleets.reduce((n, f) => n + f.closes(), 0)} connections closed, ${fleets.reduce((n, f) => n + f.refusals(), 0)} refused, ` +
          `${sentDuring} sent by then`,
      );
    },
    outageMs + 60_000,
  );
});
