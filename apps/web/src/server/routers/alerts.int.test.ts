import { randomSuffix } from "@aspen/db/testing";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { callerAs, createRoleWorld, ensureTestEnv, type RoleWorld } from "../testing";

ensureTestEnv();
process.env.WEBHOOK_ALLOW_LOOPBACK = "true";

const thingModel = {
  properties: [
    { identifier: "temperature", name: "Temperature", type: "float", unit: "°C", min: -40, max: 125 },
    { identifier: "door", name: "Door", type: "bool" },
  ],
  events: [{ identifier: "overheat", name: "Overheat", level: "fault" }],
  commands: [],
};

let w: RoleWorld;
let owner: ReturnType<typeof callerAs>;
let slug: string;
let productId: string;
let deviceId: string;

beforeAll(async () => {
  w = await createRoleWorld();
  owner = callerAs(w.users.owner);
  slug = w.tenant.slug;
  productId = (await owner.product.create({ tenantSlug: slug, name: `p-${randomSuffix()}`, thingModel })).id;
  deviceId = (await owner.device.create({ tenantSlug: slug, name: `d-${randomSuffix()}`, productId, labels: { site: "berlin" } })).device
    .id;
});

async function errorOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError)
      return {
        code: err.code,
        message: err.message,
        details: (err.cause as { details?: { path: string; message: string }[] })?.details ?? [],
      };
    throw err;
  }
  throw new Error("expected an error");
}

describe("alertRule", () => {
  it("creates a rule with public ids and a summary, lists and updates it", async () => {
    const rule = await owner.alertRule.create({
      tenantSlug: slug,
      productId,
      rule: {
        name: "Hot",
        severity: "critical",
        labels: { site: "berlin" },
        deviceIds: [deviceId],
        trigger: { type: "telemetry", conditions: [{ kind: "compare", property: "temperature", op: ">", value: 30 }], forSeconds: 300 },
      },
    });
    expect(rule.id).toMatch(/^rul_/);
    expect(rule.rule.deviceIds).toEqual([deviceId]);
    expect(rule.summary.en).toBe("Temperature above 30 °C for 5 min on 1 device labelled site=berlin");
    expect(rule.summary.zhCN).toContain("持续 5 分钟");
    const updated = await owner.alertRule.update({ tenantSlug: slug, id: rule.id, rule: { ...rule.rule, name: "Hotter" } });
    expect(updated.version).toBe(2);
    const list = await owner.alertRule.list({ tenantSlug: slug, productId });
    expect(list.items.map((r) => r.name)).toContain("Hotter");
  });

  it("refuses rules the thing model cannot satisfy, naming each field", async () => {
    const e = await errorOf(
      owner.alertRule.create({
        tenantSlug: slug,
        productId,
        rule: {
          name: "Bad",
          severity: "major",
          trigger: {
            type: "telemetry",
            conditions: [
              { kind: "compare", property: "pressure", op: ">", value: 1 },
              { kind: "compare", property: "door", op: ">", value: 1 },
              { kind: "compare", property: "temperature", op: ">", value: 500 },
            ],
          },
        },
      }),
    );
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.details.map((d) => d.path)).toEqual([
      "rule.trigger.conditions[0].property",
      "rule.trigger.conditions[1].op",
      "rule.trigger.conditions[2].value",
    ]);
    expect(e.message).toContain('Unknown property "pressure"');
  });

  it("refuses malformed input (between 10 and 5) with the field's path", async () => {
    const e = await errorOf(
      owner.alertRule.create({
        tenantSlug: slug,
        productId,
        rule: {
          name: "x",
          severity: "major",
          trigger: { type: "telemetry", conditions: [{ kind: "range", property: "temperature", op: "between", min: 10, max: 5 }] },
        },
      }),
    );
    expect(e.code).toBe("BAD_REQUEST");
    expect(e.message).toMatch(/rule\.trigger\.conditions\[0\]\.max: Maximum must not be less than minimum/);
  });

  it("refuses devices of another product and unknown webhooks", async () => {
    const other = (await owner.product.create({ tenantSlug: slug, name: `p-${randomSuffix()}`, thingModel })).id;
    const e = await errorOf(
      owner.alertRule.create({
        tenantSlug: slug,
        productId: other,
        rule: {
          name: "x",
          severity: "info",
          deviceIds: [deviceId],
          actions: { webhookIds: ["whk_1111111111111111111111"] },
          trigger: { type: "offline", forMinutes: 5 },
        },
      }),
    );
    expect(e.details.map((d) => d.path)).toEqual(expect.arrayContaining(["rule.deviceIds[0]"]));
  });
});

describe("webhook", () => {
  it("shows the secret once, never in list or byId, and rotates it", async () => {
    const { endpoint, secret } = await owner.webhook.create({
      tenantSlug: slug,
      url: "http://127.0.0.1:9/a",
      eventTypes: ["device.created", "alarm.created"],
    });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    expect(endpoint.secretHint).toBe(`whsec_…${secret.slice(-4)}`);
    const again = await owner.webhook.byId({ tenantSlug: slug, id: endpoint.id });
    expect(JSON.stringify(again)).not.toContain(secret);
    expect(JSON.stringify(await owner.webhook.list({ tenantSlug: slug }))).not.toContain(secret);
    const rotated = await owner.webhook.rotateSecret({ tenantSlug: slug, id: endpoint.id });
    expect(rotated.secret).not.toBe(secret);
  });

  it("refuses URLs that are not http(s) or too long, naming the field", async () => {
    for (const url of ["ftp://example.com/x", `https://example.com/${"a".repeat(2100)}`]) {
      const e = await errorOf(owner.webhook.create({ tenantSlug: slug, url }));
      expect(e.code).toBe("BAD_REQUEST");
      expect(e.message).toMatch(/^url: /);
    }
  });

  it("refuses private targets even with the loopback flag, and records device events as deliveries", async () => {
    const e = await errorOf(owner.webhook.create({ tenantSlug: slug, url: "http://10.0.0.1/x" }));
    expect(e.message).toMatch(/forbidden address/);
    const { endpoint } = await owner.webhook.create({
      tenantSlug: slug,
      url: "http://127.0.0.1:9/devices",
      eventTypes: ["device.created"],
    });
    await owner.device.create({ tenantSlug: slug, name: `d-${randomSuffix()}`, productId });
    const log = await owner.webhook.deliveries({ tenantSlug: slug, id: endpoint.id });
    expect(log.items).toHaveLength(1);
    expect(log.items[0]!.eventType).toBe("device.created");
    expect(JSON.parse(log.items[0]!.body)).toMatchObject({ type: "device.created", data: { productId } });
  });
});

describe("notification preferences", () => {
  it("default to critical and major, and save per member", async () => {
    const viewer = callerAs(w.users.viewer);
    expect(await viewer.notification.preferences({ tenantSlug: slug })).toMatchObject({
      emailSeverities: ["critical", "major"],
      dailyDigest: false,
    });
    await viewer.notification.updatePreferences({ tenantSlug: slug, emailSeverities: ["info"], dailyDigest: true });
    expect(await viewer.notification.preferences({ tenantSlug: slug })).toMatchObject({ emailSeverities: ["info"], dailyDigest: true });
    expect(await owner.notification.preferences({ tenantSlug: slug })).toMatchObject({ emailSeverities: ["critical", "major"] });
  });
});
