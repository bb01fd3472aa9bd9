import { deviceNameSchema, hashSecret, labelsSchema, publicId, safeEqualHex } from "@aspen/core";
import { insertDevices, isUniqueViolation, withTenant } from "@aspen/db";
import { countProductDevices, findProductForRegistration } from "@aspen/db/device-data";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { getDb, getSystemDb } from "../../db";
import type { RequestMeta } from "../../request-meta";
import { assertBelowProductCap, limitProductRegistration } from "./registration-limits";
import { mqttSettings, newDeviceSecret } from "../../routers/device/_credentials";

export const registerDeviceInput = z.strictObject({
  productKey: z.string({ error: "productKey is required" }).min(1, "productKey is required").max(100),
  productSecret: z.string({ error: "productSecret is required" }).min(1, "productSecret is required").max(256),
  name: deviceNameSchema,
  labels: labelsSchema.optional(),
});
export const registerDeviceOutput = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("bad_product_credentials") }),
  z.object({ kind: z.literal("self_registration_disabled") }),
  z.object({ kind: z.literal("tenant_suspended") }),
  z.object({ kind: z.literal("name_taken") }),
  z.object({
    kind: z.literal("created"),
    device: z.object({
      deviceId: z.string(),
      name: z.string(),
      productId: z.string(),
      /** Shown this once; stored hashed. */
      secret: z.string(),
      mqtt: z.unknown(),
    }),
  }),
]);

/**
 * Self-registration: a device of a product that allows it creates itself with the product key and
 * secret. No tenant scope yet — the product credentials resolve the tenant; the device is then
 * inserted in that tenant's scope and audited as `device.create` via self-registration.
 */
export async function registerDevice(
  meta: RequestMeta,
  input: z.output<typeof registerDeviceInput>,
): Promise<z.output<typeof registerDeviceOutput>> {
  const product = await findProductForRegistration(getSystemDb(), input.productKey);
  // Same answer for an unknown key and a wrong secret; a product without a secret cannot be matched.
  if (!product?.productSecretHash || !safeEqualHex(hashSecret(input.productSecret), product.productSecretHash)) {
    return { kind: "bad_product_credentials" };
  }
  if (!product.selfRegister) return { kind: "self_registration_disabled" };
  if (product.tenantStatus !== "active") return { kind: "tenant_suspended" };
  // Per product, not only per IP: a leaked product secret must not fill the tenant (429 / 403 DeviceApiError).
  await limitProductRegistration(product.id);
  const secret = newDeviceSecret();
  let deviceId: string;
  try {
    [deviceId] = (await withTenant(getDb(), product.tenantId, async (tx) => {
      assertBelowProductCap(await countProductDevices(tx, product.tenantId, product.id));
      return insertDevices(tx, [
        {
          tenantId: product.tenantId,
          productId: product.id,
          name: input.name,
          labels: input.labels ?? {},
          secretHash: secret.hash,
          secretHint: secret.hint,
          createdBy: null,
        },
      ]);
    })) as [string];
  } catch (err) {
    if (isUniqueViolation(err, "devices_tenant_name_key")) return { kind: "name_taken" };
    throw err;
  }
  const id = publicId("dev", deviceId);
  await recordAudit(
    { user: null, tenant: { id: product.tenantId }, meta },
    {
      action: "device.create",
      targetType: "device",
      targetId: id,
      targetName: input.name,
      actor: { id: null, email: null },
      details: { product: product.name, via: "self_registration", labels: input.labels ?? {} },
    },
  );
  return {
    kind: "created",
    device: {
      deviceId: id,
      name: input.name,
      productId: publicId("prd", product.id),
      secret: secret.secret,
      mqtt: mqttSettings(product.tenantSlug, { id: deviceId, name: input.name }, secret.secret),
    },
  };
}
