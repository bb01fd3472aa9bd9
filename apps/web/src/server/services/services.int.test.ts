import { parsePublicId } from "@aspen/core";
import { randomSuffix } from "@aspen/db/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../db";
import { testThingModel } from "../device-api/testing";
import { callerAs, codeOf, createRoleWorld, ensureTestEnv, type RoleWorld } from "../testing";
import { listAudit } from "./audit/list";
import { createDevice } from "./device/create";
import { listDevices } from "./device/list";
import { removeMember } from "./member/remove";
import { createProduct } from "./product/create";
import { permissionSet, type Scope } from "./scope";

ensureTestEnv();

/**
 * Services called directly, as the REST API and OAuth apps will: with a token's scope instead of a
 * tRPC context. They check their own permission, attribute rows and audit to the token's user.
 */
let w: RoleWorld;
let keyScope: (scopes: Parameters<typeof permissionSet>[1]) => Scope;

beforeAll(async () => {
  w = await createRoleWorld();
  const tenant = { id: w.tenant.id, slug: w.tenant.slug, name: w.tenant.name, status: "active" as const };
  keyScope = (scopes) => ({
    tenant,
    actor: { kind: "apiKey", id: "key-1", name: `ci-${randomSuffix()}`, userId: w.users.developer.id, actsForUser: true },
    role: "developer",
    permissions: permissionSet("developer", scopes),
    meta: { ip: "198.51.100.9", userAgent: "service-test" },
    db: getDb(),
  });
});

describe("services with an API key's scope", () => {
  it("refuse what the token's scopes leave out, even when the owner's role would allow it", async () => {
    const readOnly = keyScope(["device.read", "product.read"]);
    expect(await codeOf(listDevices(readOnly, { page: 1, pageSize: 10 }))).toBe("OK");
    expect(
      await codeOf(
        createProduct(readOnly, { name: "x", description: "", thingModel: testThingModel, unknownKeys: "reject", selfRegister: false }),
      ),
    ).toBe("FORBIDDEN");
  });

  it("cannot widen a token beyond its owner's role", async () => {
    const s = keyScope(["device.read", "audit.read"]);
    expect(s.permissions.has("audit.read")).toBe(false);
    expect(await codeOf(listAudit(s, { page: 1, pageSize: 10 }))).toBe("FORBIDDEN");
  });

  it("create with the token's user as creator and audit the key", async () => {
    const s = keyScope(["device.write", "product.write"]);
    const product = await createProduct(s, {
      name: `P ${randomSuffix()}`,
      description: "",
      thingModel: testThingModel,
      unknownKeys: "reject",
      selfRegister: false,
    });
    const productId = parsePublicId("prd", product.id);
    if (!productId) throw new Error("bad product id");
    const name = `key-dev-${randomSuffix()}`;
    const created = await createDevice(s, { name, productId, labels: {} });
    expect(created.device.name).toBe(name);
    const audit = await callerAs(w.users.owner).audit.list({ tenantSlug: w.tenant.slug, action: "device.create", page: 1, pageSize: 50 });
    const row = audit.items.find((a) => a.targetName === name);
    expect(row).toMatchObject({ actorEmail: `apiKey:${s.actor.name}`, ip: "198.51.100.9", userAgent: "service-test" });
  });

  it("a token cannot 'leave' for its user: removing that user needs member.remove", async () => {
    const s = keyScope(["device.read"]);
    const userId = w.users.developer.id;
    expect(await codeOf(removeMember(s, { userId }))).toBe("FORBIDDEN");
  });
});
