import { rolePermissions } from "@aspen/core";
import { describe, expect, it } from "vitest";
import type { Database } from "@aspen/db";
import { actingForUserId, actingUserId, allows, assertAllowed, auditOf, memberScope, permissionSet, type Scope } from "./scope";

const meta = { ip: "203.0.113.7", userAgent: "vitest" };
const tenant = { id: "t1", slug: "acme", name: "Acme", status: "active" as const };
const db = {} as Database;
const user = { id: "u1", email: "ada@example.com", name: "Ada" };

describe("scope", () => {
  it("a member's scope has exactly the role's permissions", () => {
    const s = memberScope({ db, tenant, user, role: "developer", meta });
    expect([...s.permissions].sort()).toEqual([...rolePermissions.developer].sort());
    expect(allows(s, "device.write")).toBe(true);
    expect(() => assertAllowed(s, "member.invite")).toThrow(/Your role \(developer\) does not allow this \(needs member.invite\)/);
  });

  it("a token's scopes are cut down to what its owner's role allows", () => {
    expect([...permissionSet("viewer", ["device.read", "device.write"])]).toEqual(["device.read"]);
  });

  it("tokens act for their user in createdBy columns and audit rows", () => {
    const key: Scope = {
      tenant,
      actor: { kind: "apiKey", id: "k1", name: "ci", userId: "u1", actsForUser: true },
      role: "admin",
      permissions: permissionSet("admin", ["device.read"]),
      meta,
      db,
    };
    expect(actingUserId(key)).toBe("u1");
    expect(auditOf(key)).toEqual({ user: { id: "u1", email: "apiKey:ci" }, tenant, meta });
    expect(() => assertAllowed(key, "device.write")).toThrow(/This token's scopes do not allow this \(needs device.write\)/);
    const app: Scope = { ...key, actor: { kind: "oauthApp", id: "a1", name: "Grafana", userId: null, actsForUser: false } };
    expect(actingUserId(app)).toBeNull();
    expect(auditOf(app).user).toBeNull();
  });

  it("reaches a user's own things only for the member or a token standing for its user", () => {
    const key: Scope = {
      tenant,
      actor: { kind: "apiKey", id: "k1", name: "ci", userId: "u1", actsForUser: true },
      role: "admin",
      permissions: permissionSet("admin", ["tenant.read"]),
      meta,
      db,
    };
    expect(actingForUserId(memberScope({ db, tenant, user, role: "viewer", meta }))).toBe("u1");
    expect(actingForUserId(key)).toBe("u1");
    const granted: Scope = { ...key, actor: { kind: "oauthApp", id: "a1", name: "Grafana", userId: "u2", actsForUser: true } };
    expect(actingForUserId(granted)).toBe("u2");
    // An app's own token: attributed to the admin who registered it, but standing for nobody.
    const own: Scope = { ...key, actor: { kind: "oauthApp", id: "a1", name: "Grafana", userId: "u3", actsForUser: false } };
    expect(actingUserId(own)).toBe("u3");
    expect(actingForUserId(own)).toBeNull();
    expect(actingForUserId({ ...key, actor: { kind: "share", id: "s1", name: "share link" } })).toBeNull();
    expect(actingForUserId({ ...key, actor: { kind: "device", id: "d1", name: "thermo", productId: "p1" } })).toBeNull();
  });
});
