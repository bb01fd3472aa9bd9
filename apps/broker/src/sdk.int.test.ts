import { connectDevice, type DeviceModel } from "@aspen/device-sdk";
import type { Database } from "@aspen/db";
import { commands, devices, telemetry } from "@aspen/db/schema";
import { eq, inArray } from "drizzle-orm";
import { Redis } from "ioredis";
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisKeys } from "./keys";
import { startTestBroker } from "./test/broker";
import { createDevice, createFleet, createProduct, createTenant, fixtureDb, insertCommand, type TestTenant } from "./test/fixtures";
import { waitFor } from "./test/mqtt";

interface Thermo extends DeviceModel {
  properties: { temperature: number; humidity: number; mode: "off" | "heat" | "cool"; target: number; label: string };
  events: { overheat: { temperature: number } };
  commands: { reboot: { params: { delay?: number }; result: { ok: boolean } } };
}

let db: Database;
let broker: Awaited<ReturnType<typeof startTestBroker>>;
let redis: Redis;

beforeAll(async () => {
  db = fixtureDb();
  broker = await startTestBroker();
  redis = new Redis(broker.vars.REDIS_URL!);
});

afterAll(async () => {
  await broker?.close();
  redis?.disconnect();
  await db?.$close();
});

describe("device SDK", () => {
  it("sends telemetry and events, answers commands with a typed reply, follows desired attributes", async () => {
    const d = (await createFleet(db, 1)).devices[0]!;
    await db
      .update(devices)
      .set({ desired: { target: 20 } })
      .where(eq(devices.id, d.id));
    const client = await connectDevice<Thermo>({ url: broker.url, username: d.username, secret: d.secret });
    await client.sendTelemetry({ temperature: 20.5, humidity: 44 });
    await client.sendTelemetry([{ ts: Date.now() - 1000, values: { temperature: 20 } }]);
    expect((await db.select().from(telemetry).where(eq(telemetry.deviceId, d.id))).length).toBe(3);

    const desired: unknown[] = [];
    await client.onDesired((v) => desired.push(v));
    await waitFor(async () => desired.length === 1);
    expect(desired[0]).toEqual({ target: 20 });

    await client.onCommand("reboot", async ({ delay }) => ({ ok: (delay ?? 0) < 10 }));
    const cmd = await insertCommand(db, d, { params: { delay: 3 } });
    await redis.publish(
      redisKeys(broker.vars.REDIS_PREFIX).channels.command,
      JSON.stringify({ tenantId: d.tenantId, deviceId: d.id, commandId: cmd.id }),
    );
    const row = await waitFor(async () => {
      const [r] = await db.select().from(commands).where(eq(commands.id, cmd.id));
      return r?.status === "succeeded" && r;
    });
    expect(row.response).toEqual({ ok: true });

    await client.reportAttributes({ label: "hall" });
    expect(await client.requestAttributes({ clientKeys: ["label"] })).toEqual({ client: { label: "hall" }, shared: { target: 20 } });
    await client.close();
  });

  it("connects with the secret alone as an access token, and rejects a wrong one", async () => {
    const d = (await createFleet(db, 1)).devices[0]!;
    const client = await connectDevice({ url: broker.url, secret: d.secret, reconnectPeriod: 0 });
    await client.close();
    await expect(connectDevice({ url: broker.url, secret: "wrong", reconnectPeriod: 0 })).rejects.toThrow(/Bad username or password/i);
  });
});

describe("simulator", () => {
  it("drives the devices of a credentials file with thermostat values", async () => {
    // the seed's Thermostat model
    const tenant: TestTenant = await createTenant(db);
    const productId = await createProduct(db, tenant.id, {
      model: {
        properties: [
          { identifier: "temperature", name: "T", type: "float", min: -40, max: 125 },
          { identifier: "humidity", name: "H", type: "float", min: 0, max: 100 },
          { identifier: "target", name: "Target", type: "float", min: 5, max: 35, access: "rw" },
          { identifier: "mode", name: "Mode", type: "enum", enumValues: ["eco", "comfort", "off"], access: "rw" },
        ],
        events: [{ identifier: "overheat", name: "O", level: "fault", params: [{ identifier: "temperature", name: "T", type: "float" }] }],
      },
    });
    const sims = [await createDevice(db, tenant, productId), await createDevice(db, tenant, productId)];
    const file = join(mkdtempSync(join(tmpdir(), "aspen-sim-")), "devices.json");
    writeFileSync(file, JSON.stringify(sims.map((s) => ({ tenantSlug: tenant.slug, name: s.name, secret: s.secret }))));
    const cli = join(dirname(fileURLToPath(import.meta.url)), "../../../packages/device-sdk/src/simulator/cli.ts");
    const child = spawn(
      process.execPath,
      ["--import", "tsx", cli, "--devices", file, "--url", broker.url, "--interval", "200", "--duration", "3", "--quiet"],
      {
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let out = "";
    child.stdout.on("data", (b: Buffer) => (out += b));
    child.stderr.on("data", (b: Buffer) => (out += b));
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code, out).toBe(0);
    const rows = await db
      .select()
      .from(telemetry)
      .where(
        inArray(
          telemetry.deviceId,
          sims.map((s) => s.id),
        ),
      );
    expect(new Set(rows.map((r) => r.deviceId)).size).toBe(2);
    expect(rows.filter((r) => r.key === "temperature").every((r) => r.valueNum! > 5 && r.valueNum! < 35)).toBe(true);
    const [dev] = await db.select().from(devices).where(eq(devices.id, sims[0]!.id));
    expect(dev!.reported).toMatchObject({ mode: "comfort", target: 21 });
  });
});
