import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readDevicesFile } from "./devices-file";
import { ThermostatState } from "./thermostat";

const write = (json: unknown) => {
  const f = join(mkdtempSync(join(tmpdir(), "aspen-sdk-")), "d.json");
  writeFileSync(f, JSON.stringify(json));
  return f;
};

describe("readDevicesFile", () => {
  it("reads [{tenantSlug, name, secret}]", async () => {
    const r = await readDevicesFile(write([{ tenantSlug: "demo", name: "t1", secret: "s" }]));
    expect(r.devices).toEqual([{ name: "t1", username: "demo/t1", secret: "s" }]);
  });

  it("reads the seed's file", async () => {
    const r = await readDevicesFile(
      write({
        tenant: "demo",
        product: "Thermostat",
        mqtt: { host: "127.0.0.1", port: 1883 },
        devices: [{ id: "dev_1", name: "t1", username: "demo/t1", password: "p", clientId: "dev_1" }],
      }),
    );
    expect(r).toEqual({
      devices: [{ name: "t1", username: "demo/t1", secret: "p", clientId: "dev_1" }],
      mqtt: { host: "127.0.0.1", port: 1883 },
    });
  });

  it("says what is wrong", async () => {
    await expect(readDevicesFile(write({ nope: 1 }))).rejects.toThrow(/expected/);
    await expect(readDevicesFile("/nonexistent/devices.json")).rejects.toThrow(/db:seed/);
  });
});

describe("ThermostatState", () => {
  it("moves towards the set point and stays in range", () => {
    let seed = 1;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const t = new ThermostatState(random);
    t.apply({ target: 25, mode: "comfort" });
    for (let i = 0; i < 600; i++) t.step(2);
    expect(t.temperature).toBeGreaterThan(23.5);
    expect(t.temperature).toBeLessThan(26.5);
    expect(t.humidity).toBeGreaterThanOrEqual(25);
    expect(t.humidity).toBeLessThanOrEqual(70);
  });
});
