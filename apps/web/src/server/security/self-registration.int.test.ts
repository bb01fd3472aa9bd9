import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as register } from "../../app/api/device/v1/register/route";
import { createDeviceWorld, type DeviceWorld } from "../device-api/testing";
import { selfRegistrationLimits } from "../services/deviceApi/registration-limits";
import { ensureTestEnv } from "../testing";

ensureTestEnv();

const saved = { ...selfRegistrationLimits };
let w: DeviceWorld;
let productSecret: string;

// A fresh product per test: the per-product rate is counted in Redis across tests.
beforeEach(async () => {
  w = await createDeviceWorld({ selfRegister: true });
  productSecret = (await w.owner.product.rotateProductSecret({ tenantSlug: w.slug, id: w.product.id })).productSecret;
});
afterEach(() => Object.assign(selfRegistrationLimits, saved));

let n = 0;
/** Each registration from its own address, so only the per-product limits can refuse it. */
async function registerOne() {
  n++;
  const req = new Request("http://localhost:3000/api/device/v1/register", {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": `198.18.200.${n}` },
    body: JSON.stringify({ productKey: w.product.productKey, productSecret, name: `self-${Date.now()}-${n}` }),
  });
  const res = await register(req);
  return { status: res.status, body: (await res.json()) as { error?: { code: string; details?: { reason?: string } } } };
}

describe("self-registration limits per product", () => {
  it("refuses devices past the product's cap", async () => {
    selfRegistrationLimits.devicesPerProduct = 2;
    expect((await registerOne()).status).toBe(201);
    expect((await registerOne()).status).toBe(201);
    const third = await registerOne();
    expect(third.status).toBe(403);
    expect(third.body.error?.details?.reason).toBe("product_device_limit");
  });

  it("limits registrations per product per minute, whatever the address", async () => {
    selfRegistrationLimits.perProductPerMinute = 3;
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await registerOne()).status);
    expect(statuses).toEqual([201, 201, 201, 429]);
  });
});
