import { describe, expect, it } from "vitest";
import { recordAudit } from "./audit";
import { metrics } from "./metrics";
import { ensureTestEnv } from "./testing";

ensureTestEnv();

describe("recordAudit", () => {
  it("never throws: a row that cannot be written is logged and counted", async () => {
    const before = (await metrics().auditWriteFailures.get()).values[0]?.value ?? 0;
    // tenant_id must be a uuid: Postgres refuses the row.
    await expect(
      recordAudit({ meta: { ip: null, userAgent: null } }, { action: "tenant.update", tenantId: "not-a-uuid" }),
    ).resolves.toBeUndefined();
    const after = (await metrics().auditWriteFailures.get()).values[0]?.value ?? 0;
    expect(after).toBe(before + 1);
  });
});
