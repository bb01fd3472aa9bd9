import { withSystem } from "@aspen/db";
import { insertTelemetryRows, type TelemetryRow } from "@aspen/db/broker";
import { runRollup } from "@aspen/db/history";
import { beforeAll, describe, expect, it } from "vitest";
import { getSystemDb } from "../../db";
import { createDeviceWorld, createTestDevice, type DeviceWorld } from "../../device-api/testing";
import { callerAs, ensureTestEnv } from "../../testing";
import { makeKey, rest } from "./testing";

// POST /api/v1/telemetry/history is the console's history query (the same service as tRPC's history.series):
// same answer, the service's refusals as REST errors, and another tenant's devices as missing ones.

ensureTestEnv();

let w: DeviceWorld;
let device: Awaited<ReturnType<typeof createTestDevice>>;
let token: string;
let outsider: string;
const minute = 60_000;
const now = Date.now();
const base = Math.floor(now / minute) * minute - 3 * 86_400_000;

beforeAll(async () => {
  w = await createDeviceWorld();
  device = await createTestDevice(w);
  const rows: TelemetryRow[] = [];
  for (let i = 0; i < 720; i++)
    rows.push({
      tenantId: w.tenant.id,
      deviceId: device.uuid,
      key: "temperature",
      ts: base + i * 2 * minute,
      valueNum: 20 + (i % 10),
      valueBool: null,
      valueStr: null,
    });
  await withSystem(getSystemDb(), (tx) => insertTelemetryRows(tx, rows));
  for (let i = 0; i < 50 && !(await runRollup(getSystemDb())).rolledUpTo; i++) await new Promise((r) => setTimeout(r, 100));
  token = (await makeKey(w.users.owner, w.slug, ["telemetry:read"])).secret;
  outsider = (await makeKey(w.outsider, w.outsiderTenant.slug, ["telemetry:read"])).secret;
});

const day = (from: number, to: number, deviceId: string, key = "temperature") => ({
  series: [{ deviceId, key }],
  from: new Date(from).toISOString(),
  to: new Date(to).toISOString(),
  timeZone: "Asia/Shanghai",
});

describe("POST /api/v1/telemetry/history", () => {
  it("answers what the console's history.series answers, from the rollups", async () => {
    const input = day(base, base + 2 * 86_400_000, device.id);
    const r = await rest("POST", "/telemetry/history", { token, body: input });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const console = await callerAs(w.users.viewer).history.series({
      tenantSlug: w.slug,
      ...input,
      from: new Date(input.from),
      to: new Date(input.to),
    });
    expect(r.body).toEqual(JSON.parse(JSON.stringify(console)));
    expect(r.body.source).toBe("rollup_1m");
    expect(r.body.series[0].points.filter((p: { count: number }) => p.count > 0).length).toBeGreaterThan(0);
    expect(r.headers.get("idempotent-replayed")).toBeNull();
  });

  it("refuses an unknown key, an inverted range and more than 20 series with the service's reasons", async () => {
    const unknown = await rest("POST", "/telemetry/history", { token, body: day(base, base + 3_600_000, device.id, "nope") });
    expect(unknown.status).toBe(400);
    const inverted = await rest("POST", "/telemetry/history", { token, body: day(base + 3_600_000, base, device.id) });
    expect(inverted.status).toBe(400);
    const many = await rest("POST", "/telemetry/history", {
      token,
      body: {
        ...day(base, base + 3_600_000, device.id),
        series: Array.from({ length: 21 }, () => ({ deviceId: device.id, key: "temperature" })),
      },
    });
    expect(many.status).toBe(400);
    expect(many.body.error.code).toBe("invalid_input");
    const extra = await rest("POST", "/telemetry/history", { token, body: { ...day(base, base + 3_600_000, device.id), bucket: 60 } });
    expect(extra.status).toBe(400);
  });

  it("answers another tenant's device exactly like a missing one (404)", async () => {
    const theirs = await rest("POST", "/telemetry/history", { token: outsider, body: day(base, base + 3_600_000, device.id) });
    expect(theirs.status).toBe(404);
    const missing = await rest("POST", "/telemetry/history", {
      token: outsider,
      body: day(base, base + 3_600_000, `dev_${"1".repeat(22)}`),
    });
    expect(theirs.body).toEqual(missing.body);
  });
});
