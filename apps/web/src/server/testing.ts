import { TRPCError } from "@trpc/server";
import type { Role } from "@aspen/core";
import { addTestMember, createTestTenant, createTestUser, type TestTenant, type TestUser } from "@aspen/db/testing";
import { getSystemDb } from "./db";
import { createCaller } from "./routers/_app";
import { createTRPCContext } from "./trpc";

/**
 * Integration tests of apps/web: the env they need, with a clear error when
 * the database or Redis is missing, and callers with fabricated sessions.
 */
export function ensureTestEnv(): void {
  const missing = ["DATABASE_URL", "TENANT_DATABASE_URL", "REDIS_URL"].filter((k) => !process.env[k]);
  if (missing.length) {
    throw new Error(
      `${missing.join(" and ")} not set: web integration tests need a migrated Postgres and a Redis ` +
        '(eval "$(bash scripts/services.sh <db>)"; npm run db:migrate)',
    );
  }
  process.env.AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
  process.env.APP_URL ??= "http://localhost:3000";
}

/** A fresh address per caller (198.18.0.0/15, the benchmarking range) so per-IP budgets of one test do not reach another. */
const randomTestIp = () => `198.18.${Math.floor(Math.random() * 256)}.${1 + Math.floor(Math.random() * 254)}`;

export const testHeaders = (ip = randomTestIp()) => new Headers({ "x-forwarded-for": ip, "user-agent": "vitest", host: "localhost:3000" });

/** A server-side caller acting as `user` (or signed out with null). */
export function callerAs(user: Pick<TestUser, "id" | "email" | "name"> | null, ip?: string, sessionId?: string) {
  return createCaller(
    createTRPCContext({
      headers: testHeaders(ip),
      session: user ? { user: { id: user.id, email: user.email, name: user.name }, sessionId } : null,
    }),
  );
}

export interface RoleWorld {
  tenant: TestTenant;
  users: Record<Role, TestUser>;
  /** A user with their own tenant but not a member of `tenant`. */
  outsider: TestUser;
  outsiderTenant: TestTenant;
}

/** A tenant with one member per role, plus an outsider who owns another tenant. */
export async function createRoleWorld(): Promise<RoleWorld> {
  const db = getSystemDb();
  const owner = await createTestUser(db);
  const [admin, developer, viewer, outsider] = await Promise.all([
    createTestUser(db),
    createTestUser(db),
    createTestUser(db),
    createTestUser(db),
  ]);
  const tenant = await createTestTenant(db, { ownerId: owner.id });
  await addTestMember(db, tenant.id, admin.id, "admin");
  await addTestMember(db, tenant.id, developer.id, "developer");
  await addTestMember(db, tenant.id, viewer.id, "viewer");
  const outsiderTenant = await createTestTenant(db, { ownerId: outsider.id });
  return { tenant, users: { owner, admin: admin, developer: developer, viewer: viewer }, outsider: outsider, outsiderTenant };
}

/** "OK", or the tRPC error code the call was refused with (other errors are rethrown). */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "OK";
  } catch (err) {
    if (err instanceof TRPCError) return err.code;
    throw err;
  }
}
