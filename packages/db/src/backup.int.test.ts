import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { devices, products } from "./schema";
import { withSystem } from "./tenant";
import { createTestTenant, createTestUser, randomSuffix, testDatabaseUrl, testSystemDb, testTenantDatabaseUrl } from "./testing";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const withDb = (url: string, db: string) => Object.assign(new URL(url), { pathname: `/${db}` }).toString();

const ownerUrl = () => {
  const url = process.env.MIGRATE_DATABASE_URL;
  if (!url) throw new Error('MIGRATE_DATABASE_URL is not set: `eval "$(bash scripts/services.sh <db>)"` exports it');
  return url;
};

const fresh = `${new URL(testDatabaseUrl()).pathname.slice(1)}_restore_${randomSuffix()}`;
const sys = testSystemDb();

afterAll(async () => {
  await sys.$close();
  const admin = postgres(ownerUrl(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${fresh}" with (force)`);
  await admin.end();
});

describe("scripts/backup.sh and scripts/restore.sh", () => {
  it("restore a dump into a fresh database, with the data and its row-level security", async () => {
    const owner = await createTestUser(sys);
    const t = await createTestTenant(sys, { ownerId: owner.id });
    const deviceName = `backup-${randomSuffix()}`;
    await withSystem(sys, async (tx) => {
      const [p] = await tx
        .insert(products)
        .values({ tenantId: t.id, name: "backup", thingModel: { properties: [], events: [], commands: [] }, productKey: `pk_bk_${t.slug}` })
        .returning();
      await tx
        .insert(devices)
        .values({ tenantId: t.id, productId: p!.id, name: deviceName, secretHash: `h-${deviceName}`, secretHint: "x…y" });
    });

    const file = path.join(mkdtempSync(path.join(tmpdir(), "aspen-backup-")), "aspen.dump");
    const env = { ...process.env, DATABASE_URL: testDatabaseUrl() };
    expect(execFileSync("bash", [path.join(root, "scripts/backup.sh"), file], { env, encoding: "utf8" }).trim()).toBe(file);

    const admin = postgres(ownerUrl(), { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${fresh}"`);
    await admin.end();
    execFileSync("bash", [path.join(root, "scripts/restore.sh"), file, withDb(ownerUrl(), fresh)], { env, stdio: "pipe" });

    const restored = postgres(withDb(testDatabaseUrl(), fresh), { max: 1, onnotice: () => {} });
    const tenantView = postgres(withDb(testTenantDatabaseUrl(), fresh), { max: 1, onnotice: () => {} });
    try {
      const rows = await restored<
        { name: string; tenant: string }[]
      >`select d.name, t.slug as tenant from devices d join tenants t on t.id = d.tenant_id where d.name = ${deviceName}`;
      expect(rows).toEqual([{ name: deviceName, tenant: t.slug }]);
      const forced = await restored<
        { n: number }[]
      >`select count(*)::int as n from pg_class where relname = 'devices' and relrowsecurity and relforcerowsecurity`;
      expect(forced[0]!.n).toBe(1);
      const hidden = await tenantView<{ n: number }[]>`select count(*)::int as n from devices`;
      expect(hidden[0]!.n).toBe(0);
      // A second restore into the now non-empty database is refused.
      expect(() =>
        execFileSync("bash", [path.join(root, "scripts/restore.sh"), file, withDb(ownerUrl(), fresh)], { env, stdio: "pipe" }),
      ).toThrow();
    } finally {
      await restored.end();
      await tenantView.end();
    }
  });
});
