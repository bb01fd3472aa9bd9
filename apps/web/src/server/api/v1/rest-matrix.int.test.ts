import { apiScopes, publicId, roleCoversScope, type ApiScope, type IdPrefix, type Role } from "@aspen/core";
import { schema } from "@aspen/db";
import { and, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSystemDb } from "../../db";
import { oauthTestApp } from "../../oauth/test/client";
import type { TestUser } from "@aspen/db/testing";
import { createRoleWorld, ensureTestEnv, type RoleWorld } from "../../testing";
import { operations } from "./operations";
import { happyCalls, happyFixture, type Fx } from "./test/happy-paths";
import { makeKey, rest } from "./testing";

ensureTestEnv();
// Webhook endpoints on loopback are refused unless allowed (development/test only).
process.env.WEBHOOK_ALLOW_LOOPBACK = "true";

/**
 * The REST API's cross-tenant / scope / role matrix: every operation of the table, on the happy-path
 * call the OpenAPI walk makes, with a token missing its scope, a token of another tenant, an API key
 * whose maker holds each role, and OAuth grants narrowed to the granting user's role.
 */

let w: RoleWorld;
let fx: Fx;

beforeAll(async () => {
  w = await createRoleWorld();
  fx = await happyFixture(w);
});

async function setRole(userId: string, role: Role) {
  await getSystemDb()
    .update(schema.memberships)
    .set({ role })
    .where(and(eq(schema.memberships.tenantId, w.tenant.id), eq(schema.memberships.userId, userId)));
}

/** The happy-path call of an operation, for a token acting for `as` (whose own notifications it reaches). */
function callOf(operationId: string, as: TestUser = w.users.owner) {
  const make = happyCalls[operationId];
  if (!make) throw new Error(`no happy-path call for ${operationId}`);
  return make(fx, as);
}

const publicIdPattern = /\b(dev|prd|rul|alm|whk|dlv|cmd|usr|dsh|shr|ntf)_[1-9A-HJ-NP-Za-km-z]{10,30}\b/g;
/** The same call with every public id in its path swapped for a random one of the same kind. */
function withMissingIds(path: string): string {
  return path.replace(publicIdPattern, (_m, prefix: string) => publicId(prefix as IdPrefix, randomUUID()));
}

describe("scopes", () => {
  const keys = new Map<ApiScope, string>();
  /** A key of the owner with every scope but `scope`. */
  async function keyWithout(scope: ApiScope) {
    let k = keys.get(scope);
    if (!k) {
      k = (
        await makeKey(
          w.users.owner,
          w.tenant.slug,
          apiScopes.filter((s) => s !== scope),
        )
      ).secret;
      keys.set(scope, k);
    }
    return k;
  }

  it.each(operations.map((o) => [o.operationId, o] as const))(
    "%s is refused without its scope (403 insufficient_scope)",
    async (_id, op) => {
      const call = await callOf(op.operationId);
      const r = await rest(op.method, call.path, { token: await keyWithout(op.scope), body: call.body });
      expect(r.status, JSON.stringify(r.body)).toBe(403);
      expect(r.body.error).toMatchObject({ code: "insufficient_scope", details: { required: op.scope } });
    },
  );
});

describe("tenants", () => {
  let outsider: string;
  beforeAll(async () => {
    outsider = (await makeKey(w.outsider, w.outsiderTenant.slug, [...apiScopes])).secret;
  });

  const onResources = operations.filter((o) => o.path.includes("{"));
  it.each(onResources.map((o) => [o.operationId, o] as const))(
    "%s answers another tenant's ids exactly like missing ones (404)",
    async (_id, op) => {
      const call = await callOf(op.operationId);
      const foreign = await rest(op.method, call.path, { token: outsider, body: call.body });
      expect(foreign.status, JSON.stringify(foreign.body)).toBe(404);
      const missing = await rest(op.method, withMissingIds(call.path), { token: outsider, body: call.body });
      expect(foreign.body).toEqual(missing.body);
    },
  );

  const lists = operations.filter((o) => o.method === "GET" && !o.path.includes("{"));
  it.each(lists.map((o) => [o.operationId, o] as const))("%s never shows another tenant's rows", async (_id, op) => {
    const call = await callOf(op.operationId);
    const own = await rest(op.method, call.path, { token: (await makeKey(w.users.owner, w.tenant.slug, [op.scope])).secret });
    expect(own.status).toBe(200);
    const theirs = await rest(op.method, call.path, { token: outsider });
    expect(theirs.status).toBe(200);
    const ownIds = new Set(JSON.stringify(own.body).match(publicIdPattern) ?? []);
    const leaked = (JSON.stringify(theirs.body).match(publicIdPattern) ?? []).filter((id) => ownIds.has(id));
    expect(leaked).toEqual([]);
  });
});

describe("roles", () => {
  // The admin makes a key with every scope, then holds `role`: the key's scopes are intersected with
  // its maker's current role, so it carries more than the role allows.
  for (const role of ["viewer", "developer", "admin"] as const) {
    describe(`a key whose maker is now ${role}`, () => {
      let token: string;
      beforeAll(async () => {
        token = (await makeKey(w.users.admin, w.tenant.slug, [...apiScopes])).secret;
        await setRole(w.users.admin.id, role);
      });
      afterAll(() => setRole(w.users.admin.id, "admin"));

      it.each(operations.map((o) => [o.operationId, o] as const))("%s", async (_id, op) => {
        const call = await callOf(op.operationId, w.users.admin);
        const r = await rest(op.method, call.path, { token, body: call.body });
        if (roleCoversScope(role, op.scope)) {
          expect(r.status, JSON.stringify(r.body)).toBe(op.status);
        } else {
          expect(r.status, JSON.stringify(r.body)).toBe(403);
          expect(r.body.error.code).toBe("forbidden");
        }
      });
    });
  }
});

describe("OAuth grants", () => {
  // A developer grants every scope the developer role covers, then holds `role`: the grant's scopes are
  // narrowed to what the role covers now (403 insufficient_scope for the rest).
  for (const role of ["developer", "viewer"] as const) {
    describe(`granted by a developer who is now ${role}`, () => {
      let token: string;
      beforeAll(async () => {
        const app = await oauthTestApp({ admin: w.users.admin, tenantSlug: w.tenant.slug, tenantId: w.tenant.id, scopes: [...apiScopes] });
        token = await app.userToken(
          w.users.developer,
          apiScopes.filter((s) => roleCoversScope("developer", s)),
        );
        await setRole(w.users.developer.id, role);
      });
      afterAll(() => setRole(w.users.developer.id, "developer"));

      it.each(operations.map((o) => [o.operationId, o] as const))("%s", async (_id, op) => {
        const call = await callOf(op.operationId, w.users.developer);
        const r = await rest(op.method, call.path, { token, body: call.body });
        if (roleCoversScope(role, op.scope)) {
          expect(r.status, JSON.stringify(r.body)).toBe(op.status);
        } else {
          expect(r.status, JSON.stringify(r.body)).toBe(403);
          expect(r.body.error.code).toBe("insufficient_scope");
        }
      });
    });
  }
});

describe("a user's own things", () => {
  // Notifications belong to a user: an app's own (client-credentials) token acts for none, even with every
  // scope and its registering admin's role, and is refused; the same token reaches tenant resources.
  const userOwn = operations.filter((o) => o.scope.startsWith("notifications:"));
  let appToken: string;
  beforeAll(async () => {
    const app = await oauthTestApp({ admin: w.users.admin, tenantSlug: w.tenant.slug, tenantId: w.tenant.id, scopes: [...apiScopes] });
    appToken = await app.appToken([...apiScopes]);
  });

  it("covers every notification operation", () => {
    expect(userOwn.map((o) => o.operationId).sort()).toEqual(
      operations
        .filter((o) => o.tag === "Notifications")
        .map((o) => o.operationId)
        .sort(),
    );
    expect(userOwn.length).toBeGreaterThan(0);
  });

  it.each(userOwn.map((o) => [o.operationId, o] as const))("%s refuses an app's own token (403 user_required)", async (_id, op) => {
    const call = await callOf(op.operationId, w.users.admin);
    const r = await rest(op.method, call.path, { token: appToken, body: call.body });
    expect(r.status, JSON.stringify(r.body)).toBe(403);
    expect(r.body.error.code).toBe("user_required");
  });

  it("lets the same token read the tenant's dashboards", async () => {
    const r = await rest("GET", (await callOf("listDashboards")).path, { token: appToken });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
  });
});
