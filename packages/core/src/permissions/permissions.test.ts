import { describe, expect, it } from "vitest";
import { canAssignRole } from "./assign-role";
import { can, isPermission, permissions, rolePermissions, type Permission } from "./permissions";
import { atLeast, isRole, roleRank, roles } from "./roles";
import { intersectScopes } from "./scopes";

describe("rolePermissions", () => {
  it("lets a viewer read and change nothing", () => {
    expect([...rolePermissions.viewer].sort()).toEqual(["device.read", "member.read", "product.read", "tenant.read"]);
    for (const p of permissions) {
      if (!p.endsWith(".read")) expect(can("viewer", p), p).toBe(false);
    }
    expect(can("viewer", "audit.read")).toBe(false);
    expect(can("viewer", "billing.read")).toBe(false);
  });

  it("gives a developer the device and integration work, not members, audit or billing", () => {
    for (const p of [
      "product.write",
      "device.write",
      "device.command",
      "device.secret",
      "webhook.manage",
      "alert.manage",
      "apiKey.manage",
    ] as const) {
      expect(can("developer", p), p).toBe(true);
    }
    for (const p of ["member.invite", "member.update", "member.remove", "audit.read", "billing.read", "tenant.update"] as const) {
      expect(can("developer", p), p).toBe(false);
    }
  });

  it("gives an admin members, audit, billing.read and tenant.update but not delete or billing.manage", () => {
    for (const p of ["member.invite", "member.update", "member.remove", "audit.read", "billing.read", "tenant.update"] as const) {
      expect(can("admin", p), p).toBe(true);
    }
    expect(can("admin", "tenant.delete")).toBe(false);
    expect(can("admin", "billing.manage")).toBe(false);
  });

  it("gives an owner everything", () => {
    expect([...rolePermissions.owner].sort()).toEqual([...permissions].sort());
  });

  it("makes each role a superset of the ones below it", () => {
    for (let i = 0; i < roles.length - 1; i++) {
      const stronger = roles[i]!;
      const weaker = roles[i + 1]!;
      for (const p of rolePermissions[weaker]) expect(can(stronger, p), `${stronger} ${p}`).toBe(true);
      expect(rolePermissions[stronger].length).toBeGreaterThan(rolePermissions[weaker].length);
    }
  });

  it("lists only known permissions, once", () => {
    for (const role of roles) {
      const list = rolePermissions[role];
      expect(new Set(list).size).toBe(list.length);
      for (const p of list) expect(isPermission(p)).toBe(true);
    }
  });

  it("is false for unknown permission strings", () => {
    expect(can("owner", "device.fly" as Permission)).toBe(false);
    expect(isPermission("toString")).toBe(false);
  });
});

describe("roles", () => {
  it("ranks roles", () => {
    expect(roles.map(roleRank)).toEqual([4, 3, 2, 1]);
    expect(atLeast("admin", "developer")).toBe(true);
    expect(atLeast("admin", "admin")).toBe(true);
    expect(atLeast("developer", "admin")).toBe(false);
    expect(atLeast("viewer", "owner")).toBe(false);
  });

  it("recognises role strings", () => {
    expect(isRole("owner")).toBe(true);
    expect(isRole("platform_admin")).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});

describe("canAssignRole", () => {
  it("lets owners assign every role", () => {
    for (const target of roles) expect(canAssignRole("owner", target)).toBe(true);
  });

  it("lets admins assign every role but owner", () => {
    expect(canAssignRole("admin", "owner")).toBe(false);
    expect(canAssignRole("admin", "admin")).toBe(true);
    expect(canAssignRole("admin", "developer")).toBe(true);
    expect(canAssignRole("admin", "viewer")).toBe(true);
  });

  it("lets developers and viewers assign nothing", () => {
    for (const target of roles) {
      expect(canAssignRole("developer", target)).toBe(false);
      expect(canAssignRole("viewer", target)).toBe(false);
    }
  });
});

describe("intersectScopes", () => {
  it("keeps only scopes the role has, in table order, without duplicates or unknown strings", () => {
    expect(intersectScopes("developer", ["device.write", "billing.manage", "device.read", "device.read", "nope"])).toEqual([
      "device.read",
      "device.write",
    ]);
  });

  it("never widens a viewer", () => {
    expect(intersectScopes("viewer", permissions)).toEqual(rolePermissions.viewer);
  });

  it("returns nothing for no scopes", () => {
    expect(intersectScopes("owner", [])).toEqual([]);
  });
});
