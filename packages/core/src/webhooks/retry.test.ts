import { describe, expect, it } from "vitest";
import { endpointWants, webhookPayload } from "./event-types";
import { webhookMaxAttempts, webhookRetryDelay, webhookRetryDelaysMs } from "./retry";
import { webhookUrlSchema } from "./url";

describe("webhook retry schedule", () => {
  it("spans about a day and grows", () => {
    const total = webhookRetryDelaysMs.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(24 * 3600_000);
    expect(total).toBeLessThan(30 * 3600_000);
    expect(webhookMaxAttempts).toBe(8);
  });
  it.each([
    [1, 0, 4000],
    [1, 1, 6000],
    [2, 0.5, 300_000],
    [99, 0.5, 36_000_000],
  ])("attempt %d with random %d waits %d ms", (n, r, want) => {
    expect(webhookRetryDelay(n, 1, () => r)).toBe(want);
  });
  it("scales for tests", () => {
    expect(webhookRetryDelay(1, 0.001, () => 0.5)).toBe(5);
  });
});

describe("webhook events", () => {
  it("validates data per type", () => {
    expect(webhookPayload("device.online", new Date(0), { deviceId: "dev_x", at: "t" })).toEqual({
      type: "device.online",
      timestamp: "1970-01-01T00:00:00.000Z",
      data: { deviceId: "dev_x", at: "t" },
    });
    expect(() => webhookPayload("device.online", new Date(0), { at: "t" } as never)).toThrow();
  });
  it.each([
    [["alarm.created"], "alarm.created", true],
    [["alarm.created"], "alarm.cleared", false],
    [[], "alarm.cleared", true],
    [[], "telemetry.received", false],
    [["telemetry.received"], "telemetry.received", true],
  ])("%j wants %s: %s", (types, type, want) => {
    expect(endpointWants(types, type)).toBe(want);
  });
});

describe("webhookUrlSchema", () => {
  it.each([
    ["https://example.com/hook", true],
    ["http://example.com:8080/h?x=1", true],
    ["ftp://example.com/", false],
    ["javascript:alert(1)", false],
    ["https://user:pw@example.com/", false],
    ["not a url", false],
    [`https://example.com/${"a".repeat(2100)}`, false],
  ])("%s → %s", (url, ok) => {
    expect(webhookUrlSchema.safeParse(url).success).toBe(ok);
  });
});
