import { generateSecret, hashSecret, secretHint, type ThingModelInput, parseThingModel } from "@aspen/core";
import { createDb, type Database } from "@aspen/db";
import { commands, devices, products, tenants } from "@aspen/db/schema";
import { randomBytes } from "node:crypto";
import { testEnv } from "./env";

/** A thermostat: the thing model most tests use. */
export const thermostatModel: ThingModelInput = {
  properties: [
    { identifier: "temperature", name: "Temperature", type: "float", min: -40, max: 125 },
    { identifier: "humidity", name: "Humidity", type: "int", min: 0, max: 100 },
    { identifier: "mode", name: "Mode", type: "enum", enumValues: ["off", "heat", "cool"], access: "rw" },
    { identifier: "target", name: "Target", type: "float", min: 5, max: 35, access: "rw" },
    { identifier: "label", name: "Label", type: "string", maxLength: 32 },
  ],
  events: [{ identifier: "overheat", name: "Overheat", level: "fault", params: [{ identifier: "temperature", name: "T", type: "float" }] }],
  commands: [
    {
      identifier: "reboot",
      name: "Reboot",
      input: [{ identifier: "delay", name: "Delay", type: "int", min: 0, max: 60, required: false }],
      output: [{ identifier: "ok", name: "OK", type: "bool" }],
    },
  ],
};

export const suffix = () => randomBytes(4).toString("hex");

/** A system connection for fixtures (RLS bypass): tests create their own tenants and devices. */
export function fixtureDb(): Database {
  return createDb(testEnv().DATABASE_URL, { system: true, max: 4 });
}

export interface TestTenant {
  id: string;
  slug: string;
}

export async function createTenant(db: Database, opts: { status?: "active" | "suspended" } = {}): Promise<TestTenant> {
  const slug = `bt-${suffix()}`;
  const [row] = await db
    .insert(tenants)
    .values({ slug, name: `Broker test ${slug}`, status: opts.status ?? "active" })
    .returning({ id: tenants.id });
  return { id: row!.id, slug };
}

export async function createProduct(
  db: Database,
  tenantId: string,
  opts: { model?: ThingModelInput; unknownKeys?: "reject" | "keep" } = {},
): Promise<string> {
  const parsed = parseThingModel(opts.model ?? thermostatModel);
  if (!parsed.ok) throw new Error(`bad test thing model: ${JSON.stringify(parsed.errors)}`);
  const [row] = await db
    .insert(products)
    .values({
      tenantId,
      name: `product-${suffix()}`,
      thingModel: parsed.model,
      unknownKeys: opts.unknownKeys ?? "reject",
      productKey: `pk-${suffix()}${suffix()}`,
    })
    .returning({ id: products.id });
  return row!.id;
}

export interface TestDevice {
  id: string;
  tenantId: string;
  name: string;
  secret: string;
  /** `<tenant-slug>/<device-name>` */
  username: string;
}

export async function createDevice(
  db: Database,
  tenant: TestTenant,
  productId: string,
  opts: { enabled?: boolean; desired?: Record<string, unknown>; name?: string } = {},
): Promise<TestDevice> {
  const secret = generateSecret();
  const name = opts.name ?? `dev-${suffix()}`;
  const [row] = await db
    .insert(devices)
    .values({
      tenantId: tenant.id,
      productId,
      name,
      secretHash: hashSecret(secret),
      secretHint: secretHint(secret),
      enabled: opts.enabled ?? true,
      desired: opts.desired ?? {},
    })
    .returning({ id: devices.id });
  return { id: row!.id, tenantId: tenant.id, name, secret, username: `${tenant.slug}/${name}` };
}

/** A tenant with one thermostat product and `n` devices. */
export async function createFleet(db: Database, n: number, opts: { unknownKeys?: "reject" | "keep" } = {}) {
  const tenant = await createTenant(db);
  const productId = await createProduct(db, tenant.id, opts);
  const list: TestDevice[] = [];
  for (let i = 0; i < n; i++) list.push(await createDevice(db, tenant, productId));
  return { tenant, productId, devices: list };
}

let nextRequestId = 1;

/** What the web app does to send a command: insert the row (then publish on `aspen:command`). */
export async function insertCommand(
  db: Database,
  device: TestDevice,
  opts: { method?: string; params?: Record<string, unknown>; ttlMs?: number; timeoutMs?: number } = {},
) {
  const requestId = nextRequestId++ + Math.floor(Math.random() * 1000) * 1000;
  const [row] = await db
    .insert(commands)
    .values({
      tenantId: device.tenantId,
      deviceId: device.id,
      requestId,
      method: opts.method ?? "reboot",
      params: opts.params ?? {},
      expiresAt: new Date(Date.now() + (opts.ttlMs ?? 60_000)),
      timeoutMs: opts.timeoutMs ?? 30_000,
    })
    .returning({ id: commands.id });
  return { id: row!.id, requestId };
}
