import { randomSuffix } from "@aspen/db/testing";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { thingModelErrorText } from "../../../components/products/thing-model-text";
import { en, type Dictionary } from "../../../i18n/en";
import { formatMessage } from "../../../i18n/message-format";
import { zhCN } from "../../../i18n/zh-CN";
import { callerAs, createRoleWorld, ensureTestEnv, type RoleWorld } from "../../testing";

ensureTestEnv();

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) {
      const cause = err.cause as
        | { reason?: string; details?: { path: string; message: string; reason?: string; params?: Record<string, string | number> }[] }
        | undefined;
      return { code: err.code, reason: cause?.reason, details: cause?.details ?? [], message: err.message };
    }
    throw err;
  }
  throw new Error("expected the call to be refused");
}

let w: RoleWorld;
let slug: string;
let dev: ReturnType<typeof callerAs>;

beforeAll(async () => {
  w = await createRoleWorld();
  slug = w.tenant.slug;
  dev = callerAs(w.users.developer);
});

const model = {
  properties: [
    { identifier: "temperature", name: "Temperature", type: "float", unit: "°C", min: -40, max: 125 },
    { identifier: "target", name: "Target", type: "float", min: 5, max: 35, access: "rw" },
  ],
  events: [{ identifier: "overheat", name: "Overheat", level: "fault", params: [{ identifier: "temperature", name: "T", type: "float" }] }],
  commands: [{ identifier: "reboot", name: "Reboot", input: [{ identifier: "delay", name: "Delay", type: "int", min: 0, max: 60 }] }],
};

describe("products", () => {
  it("creates a product with a validated thing model (defaults applied) and a public product key", async () => {
    const p = await dev.product.create({
      tenantSlug: slug,
      name: `Thermostat ${randomSuffix()}`,
      description: "A thermostat",
      thingModel: model,
    });
    expect(p.id).toMatch(/^prd_/);
    expect(p.productKey).toMatch(/^pk_[A-Za-z0-9_-]{20}$/);
    expect(p.productSecretHint).toBeNull();
    expect(p.thingModel.properties[0]!.access).toBe("r");
    expect(p.unknownKeys).toBe("reject");
    expect(p.deviceCount).toBe(0);
    const again = await dev.product.byId({ tenantSlug: slug, id: p.id });
    expect(again.thingModel).toEqual(p.thingModel);
  });

  it("returns every thing model problem with its path", async () => {
    const bad = {
      properties: [
        { identifier: "t", name: "T", type: "float", min: 10, max: 5 },
        { identifier: "t", name: "Dup", type: "bool", min: 1 },
        { identifier: "m", name: "Mode", type: "enum" },
      ],
      commands: [{ identifier: "9bad", name: "x" }],
    };
    const r = await refusal(dev.product.create({ tenantSlug: slug, name: `Bad ${randomSuffix()}`, thingModel: bad }));
    expect(r.code).toBe("BAD_REQUEST");
    expect(r.reason).toBe("invalid_thing_model");
    const paths = r.details.map((d) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(["properties[0].min", "properties[1].min", "properties[1].identifier", "properties[2].enumValues"]),
    );
    expect(paths.some((p) => p.startsWith("commands[0].identifier"))).toBe(true);
    expect(r.message).toMatch(/^The thing model has \d+ problems/);
  });

  it("each thing-model problem carries its rule's reason and values, which the console words in English and Chinese", async () => {
    const bad = { properties: [{ identifier: "t", name: "T", type: "float", min: 10, max: 5 }], events: [{ identifier: "e", name: "" }] };
    const r = await refusal(dev.product.create({ tenantSlug: slug, name: `Bad ${randomSuffix()}`, thingModel: bad }));
    expect(r.details).toEqual([
      {
        path: "properties[0].min",
        message: "Minimum (10) must not be greater than maximum (5)",
        reason: "min_above_max",
        params: { min: 10, max: 5 },
      },
      { path: "events[0].name", message: "Name is required", reason: "name_required", params: {} },
    ]);
    const word = (dict: Dictionary, locale: string) =>
      r.details.map((d) => thingModelErrorText(d, dict, (s, v) => formatMessage(locale, s, v)));
    expect(word(en, "en")).toEqual(["Minimum (10) must not be greater than maximum (5)", "Name is required"]);
    expect(word(zhCN, "zh-CN")).toEqual(["最小值（10）不能大于最大值（5）", "请填写名称"]);
  });

  it("refuses a taken name with CONFLICT", async () => {
    const name = `Same ${randomSuffix()}`;
    await dev.product.create({ tenantSlug: slug, name, thingModel: model });
    expect(await refusal(dev.product.create({ tenantSlug: slug, name, thingModel: model }))).toMatchObject({
      code: "CONFLICT",
      reason: "product_name_taken",
    });
  });

  it("updates fields and re-validates the thing model", async () => {
    const p = await dev.product.create({ tenantSlug: slug, name: `Upd ${randomSuffix()}`, thingModel: model });
    const u = await dev.product.update({ tenantSlug: slug, id: p.id, description: "new", selfRegister: true, unknownKeys: "keep" });
    expect(u).toMatchObject({ description: "new", selfRegister: true, unknownKeys: "keep", name: p.name });
    expect((await refusal(dev.product.update({ tenantSlug: slug, id: p.id, thingModel: { properties: "nope" } }))).reason).toBe(
      "invalid_thing_model",
    );
    const u2 = await dev.product.update({
      tenantSlug: slug,
      id: p.id,
      thingModel: { properties: [{ identifier: "h", name: "H", type: "int" }] },
    });
    expect(u2.thingModel.properties.map((x) => x.identifier)).toEqual(["h"]);
  });

  it("rotates the product secret, returning it once", async () => {
    const p = await dev.product.create({ tenantSlug: slug, name: `Sec ${randomSuffix()}`, thingModel: model, selfRegister: true });
    const r1 = await dev.product.rotateProductSecret({ tenantSlug: slug, id: p.id });
    const r2 = await dev.product.rotateProductSecret({ tenantSlug: slug, id: p.id });
    expect(r1.productSecret).not.toBe(r2.productSecret);
    expect(r1.productKey).toBe(p.productKey);
    const again = await dev.product.byId({ tenantSlug: slug, id: p.id });
    expect(again.productSecretHint).toBe(r2.productSecretHint);
    expect(JSON.stringify(again)).not.toContain(r2.productSecret);
  });

  it("refuses to delete a product that still has devices, then deletes it once they are gone", async () => {
    const p = await dev.product.create({ tenantSlug: slug, name: `Del ${randomSuffix()}`, thingModel: model });
    const d = await dev.device.create({ tenantSlug: slug, name: `d-${randomSuffix()}`, productId: p.id });
    const r = await refusal(dev.product.delete({ tenantSlug: slug, id: p.id }));
    expect(r).toMatchObject({ code: "CONFLICT", reason: "product_has_devices" });
    expect(r.message).toContain("1 device");
    await dev.device.delete({ tenantSlug: slug, id: d.device.id });
    await dev.product.delete({ tenantSlug: slug, id: p.id });
    expect((await refusal(dev.product.byId({ tenantSlug: slug, id: p.id }))).code).toBe("NOT_FOUND");
  });

  it("lists with device counts, search and pagination", async () => {
    const tag = randomSuffix();
    const a = await dev.product.create({ tenantSlug: slug, name: `List ${tag} A`, thingModel: model });
    await dev.product.create({ tenantSlug: slug, name: `List ${tag} B`, thingModel: model });
    await dev.device.create({ tenantSlug: slug, name: `c-${tag}`, productId: a.id });
    const page = await dev.product.list({ tenantSlug: slug, search: `List ${tag}`, page: 1, pageSize: 1 });
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(page.items[0]).toMatchObject({ name: `List ${tag} A`, deviceCount: 1 });
  });
});
