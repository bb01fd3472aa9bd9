import { describe, expect, it } from "vitest";
import { revocationReason } from "./recheck";

const session = { deviceId: "d1", secretHash: "h1" };
const creds = {
  deviceId: "d1",
  tenantId: "t",
  tenantSlug: "acme",
  tenantStatus: "active" as const,
  productId: "p",
  deviceName: "n",
  secretHash: "h1",
  enabled: true,
};

describe("revocationReason", () => {
  it("lets an unchanged device stay", () => {
    expect(revocationReason(session, creds)).toBeNull();
  });

  it("names why a connected device must go", () => {
    expect(revocationReason(session, undefined)).toBe("credentials revoked (deleted)");
    expect(revocationReason(session, { ...creds, deviceId: "d2" })).toBe("credentials revoked (deleted)");
    expect(revocationReason(session, { ...creds, enabled: false })).toBe("credentials revoked (disabled)");
    expect(revocationReason(session, { ...creds, secretHash: "h2" })).toBe("credentials revoked (secret rotated)");
    expect(revocationReason(session, { ...creds, tenantStatus: "suspended" })).toBe("tenant suspended");
  });
});
