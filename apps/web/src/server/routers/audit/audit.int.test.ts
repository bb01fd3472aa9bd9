import { auditActions } from "@aspen/core";
import { createTestUser, randomSuffix } from "@aspen/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { getSystemDb } from "../../db";
import { callerAs, createRoleWorld, ensureTestEnv, testHeaders, type RoleWorld } from "../../testing";
import { createCaller } from "../_app";
import { createTRPCContext } from "../../trpc";

ensureTestEnv();

let w: RoleWorld;
let slug: string;

beforeAll(async () => {
  w = await createRoleWorld();
  slug = w.tenant.slug;
  // One of each change, by the owner from a known IP.
  const owner = createCaller(
    createTRPCContext({
      // The right-most X-Forwarded-For entry is the socket address the launcher appended (TRUSTED_PROXY_HOPS=0).
      headers: testHeaders("6.6.6.6, 203.0.113.99"),
      session: { user: { id: w.users.owner.id, email: w.users.owner.email, name: w.users.owner.name } },
    }),
  );
  await owner.tenant.update({ tenantSlug: slug, name: "Audited" });
  const p = await owner.product.create({
    tenantSlug: slug,
    name: "Audit P",
    thingModel: { properties: [{ identifier: "t", name: "T", type: "int" }] },
  });
  await owner.product.update({ tenantSlug: slug, id: p.id, description: "d" });
  const d = await owner.device.create({ tenantSlug: slug, name: "audit-d", productId: p.id });
  await owner.device.bulkCreate({ tenantSlug: slug, rows: [{ name: "audit-b", product: "Audit P" }] });
  await owner.device.update({ tenantSlug: slug, id: d.device.id, labels: { a: "b" } });
  await owner.device.setEnabled({ tenantSlug: slug, id: d.device.id, enabled: false });
  await owner.device.setEnabled({ tenantSlug: slug, id: d.device.id, enabled: true });
  await owner.device.rotateSecret({ tenantSlug: slug, id: d.device.id });
  await owner.device.delete({ tenantSlug: slug, id: d.device.id });
  const invitee = await createTestUser(getSystemDb());
  const inv = await owner.member.invite({ tenantSlug: slug, email: invitee.email, role: "viewer" });
  await callerAs(invitee).invitation.accept({ token: inv.inviteUrl.split("/").pop()! });
  const inv2 = await owner.member.invite({ tenantSlug: slug, email: `x-${randomSuffix()}@test.aspen.dev`, role: "viewer" });
  await owner.member.revokeInvitation({ tenantSlug: slug, invitationId: inv2.invitation.id });
  const viewerId = (await owner.member.list({ tenantSlug: slug, page: 1, pageSize: 50 })).items.find(
    (m) => m.email === invitee.email,
  )!.userId;
  await owner.member.changeRole({ tenantSlug: slug, userId: viewerId, role: "developer" });
  await owner.member.remove({ tenantSlug: slug, userId: viewerId });
  const p2 = await owner.product.create({ tenantSlug: slug, name: "Audit P2", thingModel: {} });
  await owner.product.delete({ tenantSlug: slug, id: p2.id });
});

describe("audit log", () => {
  it("records every tenant change with actor, IP and target", async () => {
    const log = await callerAs(w.users.admin).audit.list({ tenantSlug: slug, page: 1, pageSize: 100 });
    const actions = new Set(log.items.map((i) => i.action));
    const expected = [
      "tenant.update",
      "product.create",
      "product.update",
      "product.delete",
      "device.create",
      "device.bulk_create",
      "device.update",
      "device.disable",
      "device.enable",
      "device.rotate_secret",
      "device.delete",
      "member.invite",
      "member.accept",
      "invitation.revoke",
      "member.role_change",
      "member.remove",
    ];
    for (const a of expected) expect(actions, a).toContain(a);
    for (const a of actions) expect(auditActions as readonly string[]).toContain(a);
    const del = log.items.find((i) => i.action === "device.delete")!;
    expect(del).toMatchObject({ actorEmail: w.users.owner.email, ip: "203.0.113.99", targetName: "audit-d", userAgent: "vitest" });
    expect(del.targetId).toMatch(/^dev_/);
    expect(JSON.stringify(log)).not.toMatch(/secret":/i);
  });

  it("filters by action (exact or prefix), actor and time", async () => {
    const admin = callerAs(w.users.admin);
    const exact = await admin.audit.list({ tenantSlug: slug, action: "device.delete", page: 1, pageSize: 100 });
    expect(exact.items.map((i) => i.action)).toEqual(["device.delete"]);
    const prefix = await admin.audit.list({ tenantSlug: slug, action: "member.*", page: 1, pageSize: 100 });
    expect(prefix.items.length).toBeGreaterThanOrEqual(4);
    expect(prefix.items.every((i) => i.action.startsWith("member."))).toBe(true);
    const byActor = await admin.audit.list({ tenantSlug: slug, actorEmail: w.users.owner.email.slice(0, 12), page: 1, pageSize: 100 });
    expect(byActor.total).toBeGreaterThan(10);
    const future = await admin.audit.list({ tenantSlug: slug, from: new Date(Date.now() + 60_000), page: 1, pageSize: 100 });
    expect(future.total).toBe(0);
    const paged = await admin.audit.list({ tenantSlug: slug, page: 2, pageSize: 5 });
    expect(paged.items).toHaveLength(5);
  });

  it("does not show another tenant's rows", async () => {
    const theirs = await callerAs(w.outsider).audit.list({ tenantSlug: w.outsiderTenant.slug, page: 1, pageSize: 100 });
    expect(theirs.items.some((i) => i.targetName === "audit-d")).toBe(false);
  });
});
