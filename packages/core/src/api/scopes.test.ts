import { describe, expect, it } from "vitest";
import { isPermission, rolePermissions } from "../permissions/permissions";
import { roles } from "../permissions/roles";
import { apiScopes, apiScopeTable, isApiScope, parseScopeString, roleCoversScope, roleCoversScopes, scopePermissions } from "./scopes";

describe("api scopes", () => {
  it("maps every scope to known permissions, and every scope name is resource:action", () => {
    for (const s of apiScopes) {
      expect(s).toMatch(/^[a-z]+:[a-z]+$/);
      expect(apiScopeTable[s].length).toBeGreaterThan(0);
      for (const p of apiScopeTable[s]) expect(isPermission(p), `${s} → ${p}`).toBe(true);
    }
  });

  it("never lets a scope grant member, tenant or billing changes", () => {
    const all = scopePermissions(apiScopes);
    for (const p of [
      "member.invite",
      "member.update",
      "member.remove",
      "tenant.update",
      "tenant.delete",
      "billing.manage",
      "apiKey.manage",
    ]) {
      expect(all).not.toContain(p);
    }
  });

  it("unions the permissions of several scopes without duplicates and ignores unknown strings", () => {
    expect(scopePermissions(["devices:read", "devices:write", "nope", "toString"]).sort()).toEqual(["device.read", "device.write"]);
    expect(scopePermissions([])).toEqual([]);
  });

  it("recognises scope strings", () => {
    expect(isApiScope("devices:read")).toBe(true);
    expect(isApiScope("device.read")).toBe(false);
    expect(isApiScope("hasOwnProperty")).toBe(false);
  });

  it("says which roles cover which scopes", () => {
    expect(roleCoversScope("viewer", "devices:read")).toBe(true);
    expect(roleCoversScope("viewer", "devices:write")).toBe(false);
    expect(roleCoversScope("developer", "commands:write")).toBe(true);
    expect(roleCoversScope("developer", "audit:read")).toBe(false);
    expect(roleCoversScope("admin", "audit:read")).toBe(true);
    expect(roleCoversScopes("developer", ["devices:read", "audit:read"])).toBe(false);
    // dashboards follow the console: viewers read them, developers edit and share them
    expect(roleCoversScope("viewer", "dashboards:read")).toBe(true);
    expect(roleCoversScope("viewer", "dashboards:write")).toBe(false);
    expect(roleCoversScope("developer", "dashboards:write")).toBe(true);
    // every member reads and marks their own notifications
    expect(roleCoversScopes("viewer", ["notifications:read", "notifications:write"])).toBe(true);
    expect(roleCoversScopes("owner", apiScopes)).toBe(true);
    // consistent with the role table: a scope is covered iff all its permissions are the role's
    for (const r of roles)
      for (const s of apiScopes) {
        expect(roleCoversScope(r, s)).toBe(apiScopeTable[s].every((p) => rolePermissions[r].includes(p)));
      }
  });

  it("parses OAuth scope strings in table order and refuses unknown scopes", () => {
    expect(parseScopeString("telemetry:read  devices:read")).toEqual(["devices:read", "telemetry:read"]);
    expect(parseScopeString("devices:read admin")).toBeNull();
    expect(parseScopeString("")).toEqual([]);
  });
});
