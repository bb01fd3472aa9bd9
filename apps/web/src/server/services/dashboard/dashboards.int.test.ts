import { parsePublicId } from "@aspen/core";
import { withSystem } from "@aspen/db";
import { insertTelemetryRows } from "@aspen/db/broker";
import { randomSuffix } from "@aspen/db/testing";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { getSystemDb } from "../../db";
import { testThingModel } from "../../device-api/testing";
import { callerAs, codeOf, createRoleWorld, ensureTestEnv, type RoleWorld } from "../../testing";

ensureTestEnv();

let w: RoleWorld;
let owner: ReturnType<typeof callerAs>;
let slug: string;
let deviceId: string;
let otherDeviceId: string;

const reasonOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) return { code: err.code, reason: (err.cause as { reason?: string } | undefined)?.reason };
    throw err;
  }
  return { code: "OK", reason: undefined };
};

const layoutFor = (dev: string) => ({
  widgets: [
    { id: "chart", kind: "chart" as const, x: 0, y: 0, w: 8, h: 4, series: [{ deviceId: dev, key: "temperature" }] },
    { id: "temp", kind: "value" as const, x: 8, y: 0, w: 4, h: 2, deviceId: dev, key: "temperature" },
    { id: "st", kind: "status" as const, x: 8, y: 2, w: 4, h: 2 },
    { id: "cmd", kind: "command" as const, x: 0, y: 4, w: 3, h: 2, deviceId: dev, method: "reboot" },
  ],
});

beforeAll(async () => {
  w = await createRoleWorld();
  owner = callerAs(w.users.owner);
  slug = w.tenant.slug;
  const product = await owner.product.create({ tenantSlug: slug, name: `p-${randomSuffix()}`, thingModel: testThingModel });
  deviceId = (await owner.device.create({ tenantSlug: slug, name: `d-${randomSuffix()}`, productId: product.id })).device.id;
  await owner.device.create({ tenantSlug: slug, name: `d-${randomSuffix()}`, productId: product.id });
  const outsider = callerAs(w.outsider);
  const op = await outsider.product.create({ tenantSlug: w.outsiderTenant.slug, name: `p-${randomSuffix()}`, thingModel: testThingModel });
  otherDeviceId = (await outsider.device.create({ tenantSlug: w.outsiderTenant.slug, name: `d-${randomSuffix()}`, productId: op.id }))
    .device.id;
  await withSystem(getSystemDb(), (tx) =>
    insertTelemetryRows(tx, [
      {
        tenantId: w.tenant.id,
        deviceId: parsePublicId("dev", deviceId) ?? "",
        key: "temperature",
        ts: Date.now() - 60_000,
        valueNum: 21.5,
        valueBool: null,
        valueStr: null,
      },
    ]),
  );
});

describe("dashboards", () => {
  it("creates, lists, loads and deletes a dashboard", async () => {
    const d = await owner.dashboard.create({ tenantSlug: slug, name: "Plant", layout: layoutFor(deviceId) });
    expect(d).toMatchObject({ name: "Plant", version: 1 });
    expect(d.id).toMatch(/^dsh_/);
    expect((await owner.dashboard.list({ tenantSlug: slug })).items.map((x) => x.id)).toContain(d.id);
    expect((await owner.dashboard.list({ tenantSlug: slug, search: "no-such-name" })).items).toEqual([]);
    const data = await owner.dashboard.data({ tenantSlug: slug, id: d.id, timeZone: "Europe/Berlin" });
    const chart = data.widgets.find((x) => x.id === "chart");
    expect(chart?.kind === "chart" && chart.history?.series[0]?.points.map((p) => p.avg)).toEqual([21.5]);
    const status = data.widgets.find((x) => x.id === "st");
    expect(status?.kind === "status" && status.counts.total).toBe(2);
    const cmd = data.widgets.find((x) => x.id === "cmd");
    expect(cmd?.kind === "command" && cmd.command?.identifier).toBe("reboot");
    await owner.dashboard.delete({ tenantSlug: slug, id: d.id });
    expect(await codeOf(owner.dashboard.byId({ tenantSlug: slug, id: d.id }))).toBe("NOT_FOUND");
  });

  it("refuses a save made on an older version (CONFLICT dashboard_changed) and keeps the newer one", async () => {
    const d = await owner.dashboard.create({ tenantSlug: slug, name: "Versions" });
    const dev = callerAs(w.users.developer);
    const first = await dev.dashboard.update({ tenantSlug: slug, id: d.id, version: d.version, layout: layoutFor(deviceId) });
    expect(first.version).toBe(2);
    const stale = await reasonOf(owner.dashboard.update({ tenantSlug: slug, id: d.id, version: d.version, name: "Stale" }));
    expect(stale).toEqual({ code: "CONFLICT", reason: "dashboard_changed" });
    const now = await owner.dashboard.byId({ tenantSlug: slug, id: d.id });
    expect(now).toMatchObject({ name: "Versions", version: 2 });
    expect(now.layout.widgets).toHaveLength(4);
  });

  it("refuses a layout naming another tenant's device, and invalid layouts", async () => {
    const other = await reasonOf(owner.dashboard.create({ tenantSlug: slug, name: "X", layout: layoutFor(otherDeviceId) }));
    expect(other).toEqual({ code: "BAD_REQUEST", reason: "unknown_device" });
    const overlapping = { widgets: [{ id: "a", kind: "status" as const, x: 10, y: 0, w: 4, h: 2 }] };
    expect(await codeOf(owner.dashboard.create({ tenantSlug: slug, name: "X", layout: overlapping }))).toBe("BAD_REQUEST");
  });

  it("lets viewers read but not write; hides dashboards from other tenants", async () => {
    const d = await owner.dashboard.create({ tenantSlug: slug, name: "Roles", layout: layoutFor(deviceId) });
    const viewer = callerAs(w.users.viewer);
    expect(await codeOf(viewer.dashboard.data({ tenantSlug: slug, id: d.id }))).toBe("OK");
    expect(await codeOf(viewer.dashboard.update({ tenantSlug: slug, id: d.id, version: 1, name: "No" }))).toBe("FORBIDDEN");
    expect(await codeOf(viewer.dashboardShare.create({ tenantSlug: slug, dashboardId: d.id }))).toBe("FORBIDDEN");
    const outsider = callerAs(w.outsider);
    expect(await codeOf(outsider.dashboard.byId({ tenantSlug: w.outsiderTenant.slug, id: d.id }))).toBe("NOT_FOUND");
    expect(await codeOf(outsider.dashboard.delete({ tenantSlug: w.outsiderTenant.slug, id: d.id }))).toBe("NOT_FOUND");
    expect((await outsider.dashboard.list({ tenantSlug: w.outsiderTenant.slug })).items.map((x) => x.id)).not.toContain(d.id);
  });
});

describe("share links", () => {
  it("shows the dashboard signed out, without commands, and stops at once when revoked", async () => {
    const d = await owner.dashboard.create({ tenantSlug: slug, name: "Shared", layout: layoutFor(deviceId) });
    const { share, token } = await owner.dashboardShare.create({ tenantSlug: slug, dashboardId: d.id });
    expect(token).toHaveLength(43);
    expect(share.tokenHint).not.toContain(token);
    const anon = callerAs(null);
    const view = await anon.dashboardShare.view({ token, timeZone: "UTC" });
    expect(view.name).toBe("Shared");
    expect(view.layout.widgets.map((x) => x.kind)).not.toContain("command");
    expect(view.widgets.map((x) => x.id).sort()).toEqual(["chart", "st", "temp"]);
    // Status counts cover only the dashboard's own device, not the tenant's two.
    const status = view.widgets.find((x) => x.id === "st");
    expect(status?.kind === "status" && status.counts.total).toBe(1);
    const listed = await owner.dashboardShare.list({ tenantSlug: slug, dashboardId: d.id });
    expect(listed.items.map((s) => s.id)).toEqual([share.id]);

    await owner.dashboardShare.revoke({ tenantSlug: slug, id: share.id });
    expect(await codeOf(anon.dashboardShare.view({ token }))).toBe("NOT_FOUND");
    expect(await codeOf(owner.dashboardShare.revoke({ tenantSlug: slug, id: share.id }))).toBe("NOT_FOUND");
  });

  it("stops working when the dashboard is deleted; another tenant cannot revoke it", async () => {
    const d = await owner.dashboard.create({ tenantSlug: slug, name: "Gone", layout: layoutFor(deviceId) });
    const { share, token } = await owner.dashboardShare.create({ tenantSlug: slug, dashboardId: d.id });
    const outsider = callerAs(w.outsider);
    expect(await codeOf(outsider.dashboardShare.revoke({ tenantSlug: w.outsiderTenant.slug, id: share.id }))).toBe("NOT_FOUND");
    expect(await codeOf(callerAs(null).dashboardShare.view({ token }))).toBe("OK");
    await owner.dashboard.delete({ tenantSlug: slug, id: d.id });
    expect(await codeOf(callerAs(null).dashboardShare.view({ token }))).toBe("NOT_FOUND");
  });
});
