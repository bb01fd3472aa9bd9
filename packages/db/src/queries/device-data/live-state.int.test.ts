import { randomUUID } from "node:crypto";
import type { ThingModel } from "@aspen/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../client";
import { devices, products } from "../../schema";
import { withSystem, withTenant } from "../../tenant";
import { createTestTenant, createTestUser, testDb, testSystemDb, type TestTenant } from "../../testing";
import { findDeviceLiveState, findDeviceLiveStateWithProduct } from "./telemetry";

let db: Database;
let sys: Database;
let a: TestTenant;
let b: TestTenant;
let deviceA: string;
let productA: string;

const model: ThingModel = { properties: [{ identifier: "t", name: "T", type: "float", access: "r" }], events: [], commands: [] };

beforeAll(async () => {
  db = testDb();
  sys = testSystemDb();
  const owner = await createTestUser(sys);
  a = await createTestTenant(sys, { ownerId: owner.id });
  b = await createTestTenant(sys, { ownerId: owner.id });
  await withSystem(sys, async (tx) => {
    const [p] = await tx
      .insert(products)
      .values({ tenantId: a.id, name: "p", thingModel: model, productKey: `pk_${a.slug}` })
      .returning({ id: products.id });
    if (!p) throw new Error("no product inserted");
    productA = p.id;
    const [d] = await tx
      .insert(devices)
      .values({ tenantId: a.id, productId: productA, name: "d-a", secretHash: randomUUID(), secretHint: "x…y" })
      .returning({ id: devices.id });
    if (!d) throw new Error("no device inserted");
    deviceA = d.id;
  });
});
afterAll(async () => {
  await db.$close();
  await sys.$close();
});

describe("findDeviceLiveStateWithProduct", () => {
  it("reads the device's live state and its product's model in one statement", async () => {
    const found = await withTenant(db, a.id, (tx) => findDeviceLiveStateWithProduct(tx, a.id, deviceA));
    const alone = await withTenant(db, a.id, (tx) => findDeviceLiveState(tx, a.id, deviceA));
    expect(found?.device).toEqual(alone);
    expect(found?.product).toMatchObject({ id: productA, tenantId: a.id, unknownKeys: "reject", thingModel: model });
    expect(found?.product?.updatedAt).toBeInstanceOf(Date);
  });

  it("finds nothing of another tenant's device, by its scope or with its id named", async () => {
    expect(await withTenant(db, b.id, (tx) => findDeviceLiveStateWithProduct(tx, b.id, deviceA))).toBeUndefined();
    // The id filter names tenant A, the transaction is tenant B's: row-level security still hides the row.
    expect(await withTenant(db, b.id, (tx) => findDeviceLiveStateWithProduct(tx, a.id, deviceA))).toBeUndefined();
  });
});
