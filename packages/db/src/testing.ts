import { randomBytes, randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { createDb, type Database } from "./client";
import { addMembership, createTenantWithOwner, createUser, type Role } from "./queries";
import { withSystem } from "./tenant";

/** DATABASE_URL for integration tests, or a clear error saying how to get one. */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set: integration tests need a migrated Postgres. " +
        'Run `bash scripts/services.sh <db>` and `npm run db:migrate`, then eval "$(bash scripts/services.sh <db>)"',
    );
  }
  return url;
}

/** TENANT_DATABASE_URL (the role without BYPASSRLS) for integration tests. */
export function testTenantDatabaseUrl(): string {
  const url = process.env.TENANT_DATABASE_URL;
  if (!url) {
    throw new Error(
      "TENANT_DATABASE_URL is not set: integration tests need the tenant role too. " +
        '`eval "$(bash scripts/services.sh <db>)"` exports it (README, Database roles).',
    );
  }
  return url;
}

/** A tenant-safe client (RLS applies) on the test database. Close it with `$close()` in `afterAll`. */
export function testDb(): Database {
  return createDb(testTenantDatabaseUrl(), { max: 4, applicationName: "aspen-test" });
}

/** A system client (the BYPASSRLS role) on the test database, for fixtures. */
export function testSystemDb(): Database {
  return createDb(testDatabaseUrl(), { max: 4, system: true, applicationName: "aspen-test-system" });
}

/** A short random suffix so parallel tests and re-runs never collide. */
export function randomSuffix(): string {
  return randomBytes(5).toString("hex");
}

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
}

/** Creates a user with a random email and a known password (cheap argon2id parameters). */
export async function createTestUser(db: Database, opts: { email?: string; name?: string; password?: string } = {}): Promise<TestUser> {
  const suffix = randomSuffix();
  const password = opts.password ?? `test-pass-${suffix}`;
  const email = opts.email ?? `user-${suffix}@test.aspen.dev`;
  const name = opts.name ?? `Test User ${suffix}`;
  // argon2id with small costs: tests hash many passwords.
  const passwordHash = await hash(password, { algorithm: 2, memoryCost: 1024, timeCost: 1, parallelism: 1 });
  const user = await createUser(db, { email, name, passwordHash });
  return { id: user.id, email: user.email, name: user.name, password };
}

export interface TestTenant {
  id: string;
  slug: string;
  name: string;
}

/** Creates a tenant with a random slug, owned by `ownerId`. */
export async function createTestTenant(db: Database, opts: { ownerId: string; slug?: string; name?: string }): Promise<TestTenant> {
  const suffix = randomSuffix();
  const id = randomUUID();
  const slug = opts.slug ?? `test-${suffix}`;
  const tenant = await withSystem(db, (tx) =>
    createTenantWithOwner(tx, { id, slug, name: opts.name ?? `Test Tenant ${suffix}`, ownerId: opts.ownerId }),
  );
  return { id: tenant.id, slug: tenant.slug, name: tenant.name };
}

/** Adds `userId` to the tenant with `role`. */
export async function addTestMember(db: Database, tenantId: string, userId: string, role: Role): Promise<void> {
  await withSystem(db, (tx) => addMembership(tx, { tenantId, userId, role }));
}
