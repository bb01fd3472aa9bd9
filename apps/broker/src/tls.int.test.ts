import type { Database } from "@aspen/db";
import { telemetry } from "@aspen/db/schema";
import { eq } from "drizzle-orm";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startTestBroker } from "./test/broker";
import { createFleet, fixtureDb } from "./test/fixtures";
import { connect, tryConnect } from "./test/mqtt";

let db: Database;
let broker: Awaited<ReturnType<typeof startTestBroker>>;

beforeAll(async () => {
  db = fixtureDb();
  // a throw-away self-signed certificate
  const dir = mkdtempSync(join(tmpdir(), "aspen-tls-"));
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-keyout",
      join(dir, "key.pem"),
      "-out",
      join(dir, "cert.pem"),
    ],
    { stdio: "ignore" },
  );
  broker = await startTestBroker({
    MQTT_TLS_PORT: String(await freePort()),
    MQTT_TLS_CERT: join(dir, "cert.pem"),
    MQTT_TLS_KEY: join(dir, "key.pem"),
  });
});

afterAll(async () => {
  await broker?.close();
  await db?.$close();
});

describe("TLS", () => {
  it("accepts devices over mqtts when a certificate is configured, with the same auth", async () => {
    const d = (await createFleet(db, 1)).devices[0]!;
    const url = `mqtts://127.0.0.1:${broker.ports.tls}`;
    const c = await connect(url, { username: d.username, password: d.secret, rejectUnauthorized: false });
    await c.publishAsync("v1/devices/me/telemetry", JSON.stringify({ temperature: 3 }), { qos: 1 });
    expect((await db.select().from(telemetry).where(eq(telemetry.deviceId, d.id))).map((r) => r.valueNum)).toEqual([3]);
    await c.endAsync();
    expect((await tryConnect(url, { username: d.username, password: "wrong", rejectUnauthorized: false })).code).toBe(4);
  });
});
