import { describe, expect, it } from "vitest";
import { apiRateOverrideSchema, apiRequestsPerMinute, defaultPlanId, planIdSchema, planIds, planOf, plans } from "./plans";

describe("plans", () => {
  it("free keeps the limit everyone had before plans (600/min); bigger plans allow more", () => {
    expect(defaultPlanId).toBe("free");
    expect(plans.free.apiRequestsPerMinute).toBe(600);
    expect(plans.pro.apiRequestsPerMinute).toBeGreaterThan(plans.free.apiRequestsPerMinute);
    expect(plans.enterprise.apiRequestsPerMinute).toBeGreaterThan(plans.pro.apiRequestsPerMinute);
    for (const id of planIds) expect(plans[id].id).toBe(id);
  });

  it("validates plan ids and reads unknown stored values as the default plan", () => {
    expect(planIdSchema.parse("pro")).toBe("pro");
    expect(planIdSchema.safeParse("platinum").success).toBe(false);
    expect(planIdSchema.safeParse("").success).toBe(false);
    expect(planOf("enterprise").id).toBe("enterprise");
    expect(planOf("platinum").id).toBe("free");
    expect(planOf(null).id).toBe("free");
  });

  it("parses API_RATE_PER_MINUTE: absent, one number for all plans, or per plan", () => {
    expect(apiRateOverrideSchema.parse(undefined)).toBeUndefined();
    expect(apiRateOverrideSchema.parse("")).toBeUndefined();
    expect(apiRateOverrideSchema.parse("600")).toBe(600);
    expect(apiRateOverrideSchema.parse("free:5, pro:20")).toEqual({ free: 5, pro: 20 });
    for (const bad of ["0", "free:0", "gold:5", "free:5,free:6", "free", "free:5:6", "5,6", "-3"]) {
      expect(apiRateOverrideSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it("applies the override: a number to every plan, a table only to the plans it names", () => {
    expect(apiRequestsPerMinute("pro")).toBe(3_000);
    expect(apiRequestsPerMinute("pro", 50_000)).toBe(50_000);
    expect(apiRequestsPerMinute("free", { free: 5, pro: 20 })).toBe(5);
    expect(apiRequestsPerMinute("enterprise", { free: 5, pro: 20 })).toBe(12_000);
  });
});
