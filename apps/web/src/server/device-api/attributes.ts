import { readAttributes } from "../services/deviceApi/readAttributes";
import { reportAttributes } from "../services/deviceApi/reportAttributes";
import { authenticateDevice, deviceScopeOf } from "./auth";
import { recordDeviceErrors } from "./device-state";
import { DeviceApiError, json } from "./http";
import { limitDevice } from "./rate-limit";
import { ids, isPlainObject, readDeviceJson } from "./request";

const postRoute = "POST /api/device/v1/attributes";

/**
 * `POST /api/device/v1/attributes`: reported (client-side) attributes `{"key": value}`, checked key by
 * key against the thing model's properties and merged into the shadow (version bumped). 200
 * `{ accepted, version }`; 400 `invalid_values` with per-key reasons when some keys were refused.
 */
export async function handlePostAttributes(req: Request): Promise<Response> {
  const device = await authenticateDevice(req, postRoute);
  await limitDevice(device.deviceId);
  const body = await readDeviceJson(req, device, postRoute);
  const now = Date.now();
  if (!isPlainObject(body.value) || Object.keys(body.value).length === 0) {
    const reason = isPlainObject(body.value) ? "attributes are empty" : "attributes must be a JSON object of key/value pairs";
    await recordDeviceErrors([{ ...ids(device), kind: "payload", reason, topic: postRoute, at: now }]);
    throw new DeviceApiError(400, "invalid_payload", reason);
  }
  const out = await reportAttributes(deviceScopeOf(req, device), { values: body.value, bytes: body.bytes, route: postRoute });
  if (out.reason) {
    const n = out.refused.length;
    throw new DeviceApiError(
      400,
      "invalid_values",
      `${n} attribute${n === 1 ? " was" : "s were"} refused (${out.reason}); ${out.accepted} valid attribute${out.accepted === 1 ? " was" : "s were"} stored.`,
      out.refused.slice(0, 100),
      {},
      { accepted: out.accepted, version: out.version },
    );
  }
  return json({ accepted: out.accepted, version: out.version });
}

const getRoute = "GET /api/device/v1/attributes";

/** `?keys=a,b` or ThingsBoard's `?clientKeys=` (reported) / `?sharedKeys=` (desired); absent = all. */
function keyFilter(params: URLSearchParams, name: string): string[] | null {
  const raw = params.get(name) ?? params.get("keys");
  if (raw === null) return null;
  return raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `GET /api/device/v1/attributes`: the device's shadow `{ reported, desired, version }`. */
export async function handleGetAttributes(req: Request): Promise<Response> {
  const device = await authenticateDevice(req, getRoute);
  await limitDevice(device.deviceId);
  const params = new URL(req.url).searchParams;
  const shadow = await readAttributes(deviceScopeOf(req, device), {
    clientKeys: keyFilter(params, "clientKeys"),
    sharedKeys: keyFilter(params, "sharedKeys"),
  });
  if (!shadow) throw new DeviceApiError(404, "not_found", "The device no longer exists.");
  return json(shadow);
}
