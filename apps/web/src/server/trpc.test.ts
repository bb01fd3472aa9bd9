import { describe, expect, it } from "vitest";
import { authedProcedure, publicProcedure, requirePermission, tenantProcedure } from "./trpc";

describe("requirePermission", () => {
  it("compiles only on procedures whose context has a scope (tsc checks the @ts-expect-error lines)", () => {
    // @ts-expect-error publicProcedure's context has no scope
    const onPublic = () => publicProcedure.use(requirePermission("device.read"));
    // @ts-expect-error authedProcedure's context has no scope either
    const onAuthed = () => authedProcedure.use(requirePermission("device.read"));
    expect([onPublic, onAuthed]).toHaveLength(2);
    expect(tenantProcedure.use(requirePermission("device.read"))).toBeDefined();
  });
});
