import { randomBytes, randomUUID } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { generateSecret, hashSecret, mqttUsername, parseEnv, parseThingModel, publicId, secretHint } from "@aspen/core";
import { hash } from "@node-rs/argon2";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { createDb } from "./client";
import {
  addMembership,
  createProduct,
  createTenantWithOwner,
  createUser,
  findTenantBySlug,
  findUserByEmail,
  insertDevices,
  setDeviceSecret,
} from "./queries";
import { devices, products } from "./schema";
import { seedDemoDashboard } from "./seed-dashboard";
import { withSystem } from "./tenant";

/**
 * Idempotent demo data: the demo user, tenant "demo", the Thermostat product
 * and devices thermo-01..05. Device secrets are written to DEMO_DEVICES_FILE
 * for the simulator; they are rotated only when that file is missing or
 * incomplete, so re-running the seed does not break a running simulator.
 */
const env = parseEnv(
  "seed",
  z.object({
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL"),
    DEMO_DEVICES_FILE: z.string().min(1).optional(),
    MQTT_PUBLIC_HOST: z.string().min(1).default("localhost"),
    MQTT_PUBLIC_PORT: z.coerce.number().int().min(1).max(65535).default(1883),
    // npm runs workspace scripts in the workspace folder; INIT_CWD is where `npm run` was typed.
    INIT_CWD: z.string().optional(),
  }),
  process.env,
);

export const DEMO = {
  email: "demo@aspen.dev",
  password: "aspen-demo-2026",
  name: "Demo User",
  tenantSlug: "demo",
  tenantName: "Demo Factory",
  productName: "Thermostat",
  deviceNames: ["thermo-01", "thermo-02", "thermo-03", "thermo-04", "thermo-05"],
} as const;

const thermostatModel = {
  properties: [
    { identifier: "temperature", name: "Temperature", type: "float", unit: "°C", min: -40, max: 125, access: "r" },
    { identifier: "humidity", name: "Humidity", type: "float", unit: "%", min: 0, max: 100, access: "r" },
    { identifier: "target", name: "Target temperature", type: "float", unit: "°C", min: 5, max: 35, access: "rw" },
    { identifier: "mode", name: "Mode", type: "enum", enumValues: ["eco", "comfort", "off"], access: "rw" },
  ],
  events: [
    {
      identifier: "overheat",
      name: "Overheat",
      level: "fault",
      params: [{ identifier: "temperature", name: "Temperature", type: "float", unit: "°C" }],
    },
  ],
  commands: [
    {
      identifier: "reboot",
      name: "Reboot",
      input: [{ identifier: "delay", name: "Delay", type: "int", unit: "s", min: 0, max: 60, required: false }],
      output: [],
    },
    {
      identifier: "setTarget",
      name: "Set target temperature",
      input: [{ identifier: "target", name: "Target", type: "float", unit: "°C", min: 5, max: 35 }],
      output: [{ identifier: "target", name: "Target", type: "float", unit: "°C" }],
    },
  ],
};

export interface DemoDevicesFile {
  tenant: string;
  product: string;
  mqtt: { host: string; port: number };
  devices: { id: string; name: string; username: string; password: string; clientId: string }[];
}

async function readDevicesFile(path: string): Promise<DemoDevicesFile | undefined> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as DemoDevicesFile;
  } catch {
    return undefined;
  }
}

async function main() {
  const file = resolve(env.INIT_CWD ?? process.cwd(), env.DEMO_DEVICES_FILE ?? ".aspen/demo-devices.json");
  const db = createDb(env.DATABASE_URL, { max: 2, system: true, applicationName: "aspen-seed" });
  try {
    const model = parseThingModel(thermostatModel);
    if (!model.ok) throw new Error(`demo thing model is invalid: ${JSON.stringify(model.errors)}`);

    let user = await findUserByEmail(db, DEMO.email);
    if (!user) {
      user = await createUser(db, { email: DEMO.email, name: DEMO.name, passwordHash: await hash(DEMO.password, { algorithm: 2 }) });
      console.log(`seed: created user ${DEMO.email}`);
    }
    const owner = user;

    const result = await withSystem(db, async (tx) => {
      let tenant = await findTenantBySlug(tx, DEMO.tenantSlug);
      if (!tenant) {
        tenant = await createTenantWithOwner(tx, { id: randomUUID(), slug: DEMO.tenantSlug, name: DEMO.tenantName, ownerId: owner.id });
        console.log(`seed: created tenant "${DEMO.tenantSlug}"`);
      } else {
        await addMembership(tx, { tenantId: tenant.id, userId: owner.id, role: "owner" });
      }

      let [product] = await tx
        .select({ id: products.id, name: products.name })
        .from(products)
        .where(and(eq(products.tenantId, tenant.id), eq(products.name, DEMO.productName)));
      if (!product) {
        product = await createProduct(tx, {
          tenantId: tenant.id,
          name: DEMO.productName,
          description: "Room thermostat: reports temperature and humidity, accepts a target and a mode.",
          thingModel: model.model,
          unknownKeys: "reject",
          selfRegister: false,
          productKey: `pk_${randomBytes(15).toString("base64url")}`,
        });
        console.log(`seed: created product "${DEMO.productName}"`);
      }

      const present = await tx.select({ id: devices.id, name: devices.name }).from(devices).where(eq(devices.tenantId, tenant.id));
      const byName = new Map(present.map((d) => [d.name, d.id]));
      const missing = DEMO.deviceNames.filter((n) => !byName.has(n));
      if (missing.length) {
        const ids = await insertDevices(
          tx,
          missing.map((name) => {
            const s = generateSecret();
            return {
              tenantId: tenant.id,
              productId: product.id,
              name,
              labels: { site: "demo" },
              secretHash: hashSecret(s),
              secretHint: secretHint(s),
              createdBy: owner.id,
            };
          }),
        );
        missing.forEach((n, i) => byName.set(n, ids[i]!));
        console.log(`seed: created devices ${missing.join(", ")}`);
      }

      if (await seedDemoDashboard(tx, tenant.id, owner.id, byName)) console.log("seed: created the demo dashboard");

      const existing = await readDevicesFile(file);
      const complete =
        existing?.tenant === DEMO.tenantSlug &&
        DEMO.deviceNames.every((n) => existing.devices.some((d) => d.name === n && d.id === publicId("dev", byName.get(n)!)));
      if (complete && missing.length === 0) return { rotated: false };

      // Secrets are only known when generated: rotate all demo devices and write them down.
      const out: DemoDevicesFile = {
        tenant: DEMO.tenantSlug,
        product: DEMO.productName,
        mqtt: { host: env.MQTT_PUBLIC_HOST, port: env.MQTT_PUBLIC_PORT },
        devices: [],
      };
      for (const name of DEMO.deviceNames) {
        const id = byName.get(name)!;
        const secret = generateSecret();
        await setDeviceSecret(tx, tenant.id, id, { hash: hashSecret(secret), hint: secretHint(secret) });
        out.devices.push({
          id: publicId("dev", id),
          name,
          username: mqttUsername(DEMO.tenantSlug, name),
          password: secret,
          clientId: publicId("dev", id),
        });
      }
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, `${JSON.stringify(out, null, 2)}\n`, { mode: 0o600 });
      return { rotated: true };
    });
    console.log(
      result.rotated ? `seed: wrote demo device credentials to ${file}` : `seed: demo data present; device credentials unchanged (${file})`,
    );
    console.log(`seed: demo login ${DEMO.email} / ${DEMO.password}, tenant "${DEMO.tenantSlug}"`);
  } finally {
    await db.$close();
  }
}

await main();
