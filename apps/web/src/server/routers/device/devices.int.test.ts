import { channels, parsePublicId } from "@aspen/core";
import { randomSuffix } from "@aspen/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChannelRecorder } from "../../channel-recorder";
import { callerAs, createRoleWorld, ensureTestEnv, type RoleWorld } from "../../testing";

ensureTestEnv();

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) {
      const cause = err.cause as { reason?: string; details?: { path: string; row?: number; message: string }[] } | undefined;
      return { code: err.code, reason: cause?.reason, details: cause?.details ?? [], message: err.message };
    }
    throw err;
  }
  throw new Error("expected the call to be refused");
}

const thingModel = {
  properties: [
    { identifier: "temperature", name: "Temperature", type: "float", unit: "°C", min: -40, max: 125 },
    { identifier: "mode", name: "Mode", type: "enum", enumValues: ["eco", "comfort"], access: "rw" },
  ],
  events: [],
  commands: [],
};

let w: RoleWorld;
let slug: string;
let dev: ReturnType<typeof callerAs>;
let product: { id: string; name: string };
let revoked: ChannelRecorder;

beforeAll(async () => {
  w = await createRoleWorld();
  slug = w.tenant.slug;
  dev = callerAs(w.users.developer);
  product = await dev.product.create({ tenantSlug: slug, name: `Thermo ${randomSuffix()}`, thingModel });
  revoked = await ChannelRecorder.start(process.env.REDIS_URL!, [channels(process.env.REDIS_PREFIX ?? "").deviceRevoked]);
});

afterAll(async () => {
  await revoked?.close();
});

/** The device-revoked messages about one device (`dev_…`), in the order they arrived. */
const reasonsFor = (id: string) => revoked.messages.filter((m) => m.msg.deviceId === parsePublicId("dev", id)).map((m) => m.msg.reason);

describe("device create and credentials", () => {
  it("returns the secret once with exact MQTT settings; byId and list never contain it", async () => {
    const name = `sensor-${randomSuffix()}`;
    const res = await dev.device.create({ tenantSlug: slug, name, productId: product.id, labels: { site: "berlin" } });
    expect(res.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(res.mqtt).toEqual({
      host: "localhost",
      port: 1883,
      username: `${slug}/${name}`,
      password: res.secret,
      clientId: res.device.id,
    });
    expect(res.mosquittoPub).toContain(`-u '${slug}/${name}'`);
    expect(res.mosquittoPub).toContain(`-P '${res.secret}'`);
    expect(res.mosquittoPub).toContain("v1/devices/me/telemetry");
    expect(res.mosquittoPub).toContain('"temperature":42.5');
    expect(res.device.secretHint).toBe(`${res.secret.slice(0, 4)}…${res.secret.slice(-4)}`);

    const byId = await dev.device.byId({ tenantSlug: slug, id: res.device.id });
    const list = await dev.device.list({ tenantSlug: slug, search: name, page: 1, pageSize: 10 });
    for (const payload of [byId, list]) {
      const text = JSON.stringify(payload);
      expect(text).not.toContain(res.secret);
      expect(text).not.toMatch(/secretHash/);
    }
    expect(byId.mqttUsername).toBe(`${slug}/${name}`);
    expect(byId.status).toBe("offline");
  });

  it("refuses a duplicate name in the tenant, a bad name and an unknown product", async () => {
    const name = `dup-${randomSuffix()}`;
    await dev.device.create({ tenantSlug: slug, name, productId: product.id });
    expect(await refusal(dev.device.create({ tenantSlug: slug, name, productId: product.id }))).toMatchObject({
      code: "CONFLICT",
      reason: "device_name_taken",
    });
    expect((await refusal(dev.device.create({ tenantSlug: slug, name: "has/slash", productId: product.id }))).code).toBe("BAD_REQUEST");
    const other = await callerAs(w.outsider).product.create({ tenantSlug: w.outsiderTenant.slug, name: "Theirs", thingModel });
    expect(await refusal(dev.device.create({ tenantSlug: slug, name: `x-${randomSuffix()}`, productId: other.id }))).toMatchObject({
      code: "NOT_FOUND",
      reason: "product_not_found",
    });
  });

  it("rotating the secret returns a new one once and tells the brokers", async () => {
    const { device, secret } = await dev.device.create({ tenantSlug: slug, name: `rot-${randomSuffix()}`, productId: product.id });
    const rotated = await dev.device.rotateSecret({ tenantSlug: slug, id: device.id });
    expect(rotated.secret).not.toBe(secret);
    expect(rotated.mqtt.password).toBe(rotated.secret);
    const byId = await dev.device.byId({ tenantSlug: slug, id: device.id });
    expect(JSON.stringify(byId)).not.toContain(rotated.secret);
    const msg = await revoked.next((m) => m.msg.deviceId === parsePublicId("dev", device.id) && m.msg.reason === "secret_rotated");
    expect(msg.msg).toMatchObject({ tenantId: w.tenant.id, reason: "secret_rotated" });
  });

  it("disable → status disabled + broker notified; enable again; delete → gone + notified", async () => {
    const { device } = await dev.device.create({ tenantSlug: slug, name: `tog-${randomSuffix()}`, productId: product.id });
    const off = await dev.device.setEnabled({ tenantSlug: slug, id: device.id, enabled: false });
    expect(off.status).toBe("disabled");
    const disabledList = await dev.device.list({ tenantSlug: slug, status: "disabled", page: 1, pageSize: 100 });
    expect(disabledList.items.map((d) => d.id)).toContain(device.id);
    const on = await dev.device.setEnabled({ tenantSlug: slug, id: device.id, enabled: true });
    expect(on.status).toBe("offline");
    await dev.device.delete({ tenantSlug: slug, id: device.id });
    expect((await refusal(dev.device.byId({ tenantSlug: slug, id: device.id }))).code).toBe("NOT_FOUND");
    await revoked.next((m) => m.msg.deviceId === parsePublicId("dev", device.id) && m.msg.reason === "deleted");
    // Enabling tells the brokers nothing; the disable arrived before the delete.
    expect(reasonsFor(device.id)).toEqual(["disabled", "deleted"]);
  });

  it("updates labels", async () => {
    const { device } = await dev.device.create({ tenantSlug: slug, name: `lbl-${randomSuffix()}`, productId: product.id });
    const upd = await dev.device.update({ tenantSlug: slug, id: device.id, labels: { floor: "2", site: "paris" } });
    expect(upd.labels).toEqual({ floor: "2", site: "paris" });
  });
});

describe("device list filters and pagination", () => {
  let p2: { id: string };
  const tag = randomSuffix();
  beforeAll(async () => {
    p2 = await dev.product.create({ tenantSlug: slug, name: `Other ${tag}`, thingModel });
    for (let i = 0; i < 5; i++) {
      await dev.device.create({
        tenantSlug: slug,
        name: `flt-${tag}-${i}`,
        productId: i < 3 ? product.id : p2.id,
        labels: { zone: i % 2 ? "a" : "b" },
      });
    }
  });

  it("searches by name", async () => {
    const r = await dev.device.list({ tenantSlug: slug, search: `flt-${tag}`, page: 1, pageSize: 100 });
    expect(r.total).toBe(5);
  });
  it("filters by product", async () => {
    const r = await dev.device.list({ tenantSlug: slug, productId: p2.id, page: 1, pageSize: 100 });
    expect(r.items.map((d) => d.name).sort()).toEqual([`flt-${tag}-3`, `flt-${tag}-4`]);
  });
  it("filters by label key=value", async () => {
    const r = await dev.device.list({ tenantSlug: slug, search: `flt-${tag}`, label: "zone=a", page: 1, pageSize: 100 });
    expect(r.items.map((d) => d.name).sort()).toEqual([`flt-${tag}-1`, `flt-${tag}-3`]);
    expect((await refusal(dev.device.list({ tenantSlug: slug, label: "nonsense", page: 1, pageSize: 10 }))).code).toBe("BAD_REQUEST");
  });
  it("filters by status", async () => {
    const r = await dev.device.list({ tenantSlug: slug, search: `flt-${tag}`, status: "online", page: 1, pageSize: 100 });
    expect(r.total).toBe(0);
    const off = await dev.device.list({ tenantSlug: slug, search: `flt-${tag}`, status: "offline", page: 1, pageSize: 100 });
    expect(off.total).toBe(5);
  });
  it("paginates", async () => {
    const a = await dev.device.list({ tenantSlug: slug, search: `flt-${tag}`, page: 1, pageSize: 2 });
    const b = await dev.device.list({ tenantSlug: slug, search: `flt-${tag}`, page: 3, pageSize: 2 });
    expect(a).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(a.items).toHaveLength(2);
    expect(b.items).toHaveLength(1);
  });
  it("treats LIKE wildcards in the search literally", async () => {
    const r = await dev.device.list({ tenantSlug: slug, search: "%", page: 1, pageSize: 10 });
    expect(r.total).toBe(0);
  });
});

describe("bulk create", () => {
  it("creates nothing when any row is bad, and reports every bad row", async () => {
    const tag = randomSuffix();
    const existing = `exists-${tag}`;
    await dev.device.create({ tenantSlug: slug, name: existing, productId: product.id });
    const r = await refusal(
      dev.device.bulkCreate({
        tenantSlug: slug,
        rows: [
          { name: `ok-${tag}-1`, product: product.name },
          { name: "bad name!", product: product.name },
          { name: `ok-${tag}-2`, product: "No Such Product" },
          { name: `ok-${tag}-1`, product: product.name },
          { name: existing, product: product.id },
          { name: `ok-${tag}-3`, product: product.name, labels: "Bad Key=1" },
        ],
      }),
    );
    expect(r.code).toBe("BAD_REQUEST");
    expect(r.reason).toBe("bulk_invalid");
    expect(r.details.map((d) => d.path).sort()).toEqual([
      "rows[1].name",
      "rows[2].product",
      "rows[3].name",
      "rows[4].name",
      "rows[5].labels",
    ]);
    expect(r.details.every((d) => typeof d.row === "number")).toBe(true);
    const list = await dev.device.list({ tenantSlug: slug, search: `ok-${tag}`, page: 1, pageSize: 10 });
    expect(list.total).toBe(0);
  });

  it("creates all rows in one go and returns each secret once, with a CSV", async () => {
    const tag = randomSuffix();
    const rows = Array.from({ length: 25 }, (_, i) => ({
      name: `bulk-${tag}-${i}`,
      product: i % 2 ? product.id : product.name,
      labels: `row=${i};tag=${tag}`,
    }));
    const res = await dev.device.bulkCreate({ tenantSlug: slug, rows });
    expect(res.count).toBe(25);
    expect(res.created.map((c) => c.device.name)).toEqual(rows.map((r) => r.name));
    expect(new Set(res.created.map((c) => c.secret)).size).toBe(25);
    expect(res.created[3]!.device.labels).toEqual({ row: "3", tag });
    const lines = res.credentialsCsv.trim().split("\n");
    expect(lines[0]).toBe("name,product,mqtt_username,mqtt_password,client_id,host,port");
    expect(lines).toHaveLength(26);
    expect(lines[1]).toContain(`${slug}/bulk-${tag}-0,${res.created[0]!.secret}`);
    const listed = await dev.device.list({ tenantSlug: slug, search: `bulk-${tag}`, page: 1, pageSize: 100 });
    expect(listed.total).toBe(25);
    expect(JSON.stringify(listed)).not.toContain(res.created[0]!.secret);
  });

  it("refuses more than 1000 rows", async () => {
    const rows = Array.from({ length: 1001 }, (_, i) => ({ name: `n${i}`, product: product.name }));
    expect((await refusal(dev.device.bulkCreate({ tenantSlug: slug, rows }))).code).toBe("BAD_REQUEST");
  });
});
