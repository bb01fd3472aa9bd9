import { parsePublicId, publicId, type ThingModelInput } from "@aspen/core";
import { randomSuffix } from "@aspen/db/testing";
import { TRPCError } from "@trpc/server";
import { callerAs, createRoleWorld, type RoleWorld } from "../testing";

/** Test support for the device-data procedures and the device HTTP API (imported by *.int.test.ts only). */

export const testThingModel = {
  properties: [
    { identifier: "temperature", name: "Temperature", type: "float", unit: "°C", min: -40, max: 125 },
    { identifier: "humidity", name: "Humidity", type: "int", unit: "%", min: 0, max: 100 },
    { identifier: "on", name: "Power", type: "bool", access: "rw" },
    { identifier: "mode", name: "Mode", type: "enum", enumValues: ["eco", "comfort"], access: "rw" },
    { identifier: "target", name: "Target", type: "float", min: 5, max: 30, access: "rw" },
  ],
  events: [{ identifier: "overheat", name: "Overheat", level: "warning", params: [{ identifier: "temp", name: "Temp", type: "float" }] }],
  commands: [
    {
      identifier: "reboot",
      name: "Reboot",
      input: [{ identifier: "delaySeconds", name: "Delay", type: "int", min: 0, max: 60, required: false }],
      output: [{ identifier: "ok", name: "OK", type: "bool" }],
    },
    { identifier: "setLevel", name: "Set level", input: [{ identifier: "level", name: "Level", type: "int", min: 0, max: 10 }] },
  ],
} satisfies ThingModelInput;

export type Caller = ReturnType<typeof callerAs>;

export interface DeviceWorld extends RoleWorld {
  slug: string;
  owner: Caller;
  product: { id: string; productKey: string };
}

export async function createDeviceWorld(opts: { selfRegister?: boolean; unknownKeys?: "reject" | "keep" } = {}): Promise<DeviceWorld> {
  const w = await createRoleWorld();
  const owner = callerAs(w.users.owner);
  const product = await owner.product.create({
    tenantSlug: w.tenant.slug,
    name: `Thermostat ${randomSuffix()}`,
    thingModel: testThingModel,
    selfRegister: opts.selfRegister ?? false,
    unknownKeys: opts.unknownKeys ?? "reject",
  });
  return { ...w, slug: w.tenant.slug, owner, product: { id: product.id, productKey: product.productKey } };
}

/** A new device of the world's product: its public id, uuid and secret. */
export async function createTestDevice(w: DeviceWorld, productId = w.product.id) {
  const res = await w.owner.device.create({ tenantSlug: w.slug, name: `dev-${randomSuffix()}`, productId });
  return { id: res.device.id, uuid: uuidOf(res.device.id), name: res.device.name, secret: res.secret };
}

export function uuidOf(devId: string): string {
  const uuid = parsePublicId("dev", devId);
  if (!uuid) throw new Error(`not a device id: ${devId}`);
  return uuid;
}

export { publicId };

/** The tRPC error code (and reason, details) of a refused call; throws when the call succeeds. */
export async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) {
      const cause = err.cause as { reason?: string; details?: { path: string; message: string }[] } | undefined;
      return { code: err.code, reason: cause?.reason, details: cause?.details ?? [], message: err.message };
    }
    throw err;
  }
  throw new Error("expected the call to be refused");
}

export async function waitFor<T>(fn: () => T | undefined, ms = 3000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}
