import { readFile } from "node:fs/promises";
import { z } from "zod";

/** Credentials of one simulated device. */
export interface SimDevice {
  name: string;
  username: string;
  secret: string;
  clientId?: string;
}

const entry = z.object({ tenantSlug: z.string().min(1), name: z.string().min(1), secret: z.string().min(1) });
// What `npm run db:seed` writes (.aspen/demo-devices.json).
const seedFile = z.object({
  tenant: z.string(),
  mqtt: z.object({ host: z.string(), port: z.number() }).optional(),
  devices: z.array(z.object({ name: z.string(), username: z.string(), password: z.string(), clientId: z.string().optional() })),
});

/**
 * Reads device credentials: `[{ "tenantSlug", "name", "secret" }]`, or the seed's
 * `{ "tenant", "devices": [{ "name", "username", "password", "clientId" }] }`.
 */
export async function readDevicesFile(path: string): Promise<{ devices: SimDevice[]; mqtt?: { host: string; port: number } }> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (err) {
    throw new Error(`cannot read ${path}: ${(err as Error).message}. Run \`npm run db:seed\` to create the demo devices.`);
  }
  const list = z.array(entry).safeParse(json);
  if (list.success) return { devices: list.data.map((d) => ({ name: d.name, username: `${d.tenantSlug}/${d.name}`, secret: d.secret })) };
  const seed = seedFile.safeParse(json);
  if (seed.success) {
    return {
      devices: seed.data.devices.map((d) => ({
        name: d.name,
        username: d.username,
        secret: d.password,
        ...(d.clientId ? { clientId: d.clientId } : {}),
      })),
      ...(seed.data.mqtt ? { mqtt: seed.data.mqtt } : {}),
    };
  }
  throw new Error(`${path}: expected [{"tenantSlug","name","secret"}] or the seed's {"tenant","devices":[…]}`);
}
