import { deviceNameSchema, hashSecret, labelsSchema, publicId, safeEqualHex } from "@aspen/core";
import { insertDevices, isUniqueViolation, withTenant } from "@aspen/db";
import { findProductForRegistration } from "@aspen/db/device-data";
import { z } from "zod";
import { recordAudit } from "../audit";
import { getDb, getSystemDb } from "../db";
import { requestMeta } from "../request-meta";
import { mqttSettings, newDeviceSecret } from "../routers/device/_credentials";
import { maxBodyBytes, parseJson, readBody } from "./body";
import { DeviceApiError, json } from "./http";
import { limitRegistration } from "./rate-limit";

const registerBody = z.strictObject({
  productKey: z.string({ error: "productKey is required" }).min(1, "productKey is required").max(100),
  productSecret: z.string({ error: "productSecret is required" }).min(1, "productSecret is required").max(256),
  name: deviceNameSchema,
  labels: labelsSchema.optional(),
});

const badProductCredentials = () =>
  new DeviceApiError(
    401,
    "invalid_product_credentials",
    "Unknown product key or wrong product secret. Copy both from the product's page in the console (rotate the secret to get a new one).",
  );

/**
 * `POST /api/device/v1/register` with `{ productKey, productSecret, name, labels? }`: a device of a
 * product that allows self-registration creates itself. 201 `{ deviceId, name, productId, secret,
 * mqtt }` — the only time the device secret is returned.
 */
export async function handleRegister(req: Request): Promise<Response> {
  const meta = requestMeta(req.headers);
  await limitRegistration(meta.ip);
  const parsed = parseJson(await readBody(req, maxBodyBytes));
  if (!parsed.ok) throw new DeviceApiError(400, "invalid_payload", parsed.reason);
  const body = registerBody.safeParse(parsed.value);
  if (!body.success) {
    const details = body.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw new DeviceApiError(400, "invalid_body", details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join("; "), details);
  }
  const input = body.data;
  const product = await findProductForRegistration(getSystemDb(), input.productKey);
  // Same answer for an unknown key and a wrong secret; a product without a secret cannot be matched.
  if (!product?.productSecretHash || !safeEqualHex(hashSecret(input.productSecret), product.productSecretHash)) {
    throw badProductCredentials();
  }
  if (!product.selfRegister) {
    throw new DeviceApiError(
      403,
      "self_registration_disabled",
      "This product does not allow self-registration. Turn it on in the product's settings, or create the device in the console.",
    );
  }
  if (product.tenantStatus !== "active") {
    throw new DeviceApiError(403, "tenant_suspended", "The product's tenant is suspended; no devices can be registered.");
  }
  const secret = newDeviceSecret();
  let deviceId: string;
  try {
    [deviceId] = (await withTenant(getDb(), product.tenantId, (tx) =>
      insertDevices(tx, [
        {
          tenantId: product.tenantId,
          productId: product.id,
          name: input.name,
          labels: input.labels ?? {},
          secretHash: secret.hash,
          secretHint: secret.hint,
          createdBy: null,
        },
      ]),
    )) as [string];
  } catch (err) {
    if (isUniqueViolation(err, "devices_tenant_name_key")) {
      throw new DeviceApiError(409, "device_name_taken", `A device named "${input.name}" already exists; register under another name.`, [
        { path: "name", message: "This name is taken" },
      ]);
    }
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
  return json(
    {
      deviceId: id,
      name: input.name,
      productId: publicId("prd", product.id),
      secret: secret.secret,
      mqtt: mqttSettings(product.tenantSlug, { id: deviceId, name: input.name }, secret.secret),
    },
    201,
  );
}
