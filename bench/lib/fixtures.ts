import { generateSecret, hashSecret, parseThingModel, secretHint } from "@aspen/core";
import { createDb, insertApiKey, type Database, type Tx } from "@aspen/db";
import { devices, products, telemetry, tenants } from "@aspen/db/schema";
import { eq } from "drizzle-orm";
import { randomBytes } from "node:crypto";
import { benchOwnerUrl, maintainTables } from "./maintenance";

/**
 * An API key (`ak_…`) of the tenant, made as `createdBy`, stored as the console stores one (prefix, hash); inside
 * the caller's transaction. Returns the key itself.
 */
export async function insertBenchApiKey(
  tx: Tx,
  k: { tenantId: string; createdBy: string; scopes: string[]; name?: string; expiresAt?: Date | null },
): Promise<string> {
  const secret = `ak_${generateSecret()}`;
  await insertApiKey(tx, {
    tenantId: k.tenantId,
    name: k.name ?? `bench-${randomBytes(4).toString("hex")}`,
    prefix: secret.slice(0, 11),
    secretHash: hashSecret(secret),
    scopes: k.scopes,
    createdBy: k.createdBy,
    expiresAt: k.expiresAt ?? null,
  });
  return secret;
}

export interface BenchDevice {
  id: string;
  username: string;
  secret: string;
}

const model = parseThingModel({
  properties: [
    { identifier: "temperature", name: "Temperature", type: "float", min: -40, max: 125 },
    { identifier: "humidity", name: "Humidity", type: "float", min: 0, max: 100 },
  ],
});

/** A throw-away tenant with `n` devices of a two-property product; `cleanup()` deletes it (cascade). */
export async function createBenchFleet(databaseUrl: string, n: number, ownerUrl = benchOwnerUrl()) {
  if (!model.ok) throw new Error("bench thing model invalid");
  const db: Database = createDb(databaseUrl, { system: true, max: 2, applicationName: "aspen-bench" });
  // Earlier runs' deleted rows: vacuumed now rather than by autovacuum in the middle of a measurement.
  await maintainTables(ownerUrl, ["telemetry"], "vacuum analyze");
  const slug = `bench-${randomBytes(4).toString("hex")}`;
  const [tenant] = await db
    .insert(tenants)
    .values({ slug, name: `Bench ${slug}` })
    .returning({ id: tenants.id });
  const [product] = await db
    .insert(products)
    .values({ tenantId: tenant!.id, name: "bench", thingModel: model.model, productKey: `pk-${slug}` })
    .returning({ id: products.id });
  const list: BenchDevice[] = [];
  for (let i = 0; i < n; i += 1000) {
    const chunk = Array.from({ length: Math.min(1000, n - i) }, (_, k) => ({ name: `d${i + k}`, secret: generateSecret() }));
    const rows = await db
      .insert(devices)
      .values(
        chunk.map((c) => ({
          tenantId: tenant!.id,
          productId: product!.id,
          name: c.name,
          secretHash: hashSecret(c.secret),
          secretHint: secretHint(c.secret),
        })),
      )
      .returning({ id: devices.id, name: devices.name });
    const byName = new Map(rows.map((r) => [r.name, r.id]));
    for (const c of chunk) list.push({ id: byName.get(c.name)!, username: `${slug}/${c.name}`, secret: c.secret });
  }
  return {
    tenantId: tenant!.id,
    devices: list,
    db,
    async cleanup() {
      // telemetry has no foreign key (partitioned): left behind, it would grow the index run after run.
      await db.delete(telemetry).where(eq(telemetry.tenantId, tenant!.id));
      await db.delete(tenants).where(eq(tenants.id, tenant!.id));
      await db.$close();
    },
  };
}
