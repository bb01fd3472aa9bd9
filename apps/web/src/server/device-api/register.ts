import { requestMeta } from "../request-meta";
import { registerDevice, registerDeviceInput } from "../services/deviceApi/register";
import { maxBodyBytes, parseJson, readBody } from "./body";
import { DeviceApiError, json } from "./http";
import { limitRegistration } from "./rate-limit";

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
  const body = registerDeviceInput.safeParse(parsed.value);
  if (!body.success) {
    const details = body.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    throw new DeviceApiError(400, "invalid_body", details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join("; "), details);
  }
  const out = await registerDevice(meta, body.data);
  switch (out.kind) {
    case "bad_product_credentials":
      throw badProductCredentials();
    case "self_registration_disabled":
      throw new DeviceApiError(
        403,
        "self_registration_disabled",
        "This product does not allow self-registration. Turn it on in the product's settings, or create the device in the console.",
      );
    case "tenant_suspended":
      throw new DeviceApiError(403, "tenant_suspended", "The product's tenant is suspended; no devices can be registered.");
    case "name_taken":
      throw new DeviceApiError(
        409,
        "device_name_taken",
        `A device named "${body.data.name}" already exists; register under another name.`,
        [{ path: "name", message: "This name is taken" }],
      );
    case "created":
      return json(out.device, 201);
  }
}
