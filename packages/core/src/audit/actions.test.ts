import { describe, expect, it } from "vitest";
import { auditActions, isAuditAction } from "./actions";

describe("auditActions", () => {
  it("are unique resource.verb strings", () => {
    expect(new Set(auditActions).size).toBe(auditActions.length);
    for (const a of auditActions) expect(a).toMatch(/^[a-z][a-zA-Z]*\.[a-z_]+$/); // resources are camelCase like permissions (apiKey.manage)
  });

  it("include the console's sensitive actions", () => {
    for (const a of ["user.login_failed", "member.role_change", "device.rotate_secret", "device.command"]) {
      expect(isAuditAction(a)).toBe(true);
    }
    expect(isAuditAction("device.fly")).toBe(false);
  });
});
