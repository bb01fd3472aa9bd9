import { decodeReported, describeKeyErrors } from "@aspen/core";
import { withTenant } from "@aspen/db";
import { applyDeviceStats, insertDeviceErrors, mergeReportedAttributes } from "@aspen/db/broker";
import { findTenantDeviceShadow } from "@aspen/db/device-data";
import { getDb } from "../db";
import { authenticateDevice } from "./auth";
import { afterAccepted, publishLive, recordDeviceErrors } from "./device-state";
import { DeviceApiError, json } from "./http";
import { limitDevice } from "./rate-limit";
import { ids, isPlainObject, readDeviceJson } from "./request";
import { loadProductModel } from "./thing-models";

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
  const attrs = body.value;
  const result = await withTenant(getDb(), device.tenantId, async (tx) => {
    const product = await loadProductModel(tx, device.productId);
    if (!product) throw new Error(`product ${device.productId} of device ${device.deviceId} not found`);
    const decoded = decodeReported(product.compiled, attrs);
    const accepted = Object.keys(decoded.values).length;
    let version: number | undefined;
    if (accepted > 0) {
      const [v] = await mergeReportedAttributes(tx, [{ deviceId: device.deviceId, values: decoded.values }]);
      version = v?.shadowVersion;
    }
    await applyDeviceStats(tx, [
      { deviceId: device.deviceId, latest: {}, lastSeenAt: now, messages: accepted > 0 ? 1 : 0, errors: decoded.errors.length > 0 ? 1 : 0 },
    ]);
    if (decoded.errors.length > 0) {
      await insertDeviceErrors(tx, [
        { ...ids(device), kind: "validation", reason: describeKeyErrors(decoded.errors).slice(0, 500), topic: postRoute, at: now },
      ]);
    }
    if (version === undefined) version = (await findTenantDeviceShadow(tx, device.tenantId, device.deviceId))?.version ?? 0;
    return { decoded, accepted, version };
  });
  if (result.accepted > 0) {
    await afterAccepted({
      ...ids(device),
      bytes: body.bytes,
      points: 0,
      latest: {},
      live: [{ type: "shadow", deviceId: device.deviceId, reported: result.decoded.values, version: result.version }],
    });
  }
  if (result.decoded.errors.length > 0) {
    const reason = describeKeyErrors(result.decoded.errors);
    publishLive(device.tenantId, [{ type: "error", deviceId: device.deviceId, kind: "validation", reason, at: now }]);
    const n = result.decoded.errors.length;
    throw new DeviceApiError(
      400,
      "invalid_values",
      `${n} attribute${n === 1 ? " was" : "s were"} refused (${reason}); ${result.accepted} valid attribute${result.accepted === 1 ? " was" : "s were"} stored.`,
      result.decoded.errors.slice(0, 100),
      {},
      { accepted: result.accepted, version: result.version },
    );
  }
  return json({ accepted: result.accepted, version: result.version });
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

function pick(source: Record<string, unknown>, keys: string[] | null): Record<string, unknown> {
  if (keys === null) return source;
  return Object.fromEntries(keys.filter((k) => Object.hasOwn(source, k)).map((k) => [k, source[k]]));
}

/** `GET /api/device/v1/attributes`: the device's shadow `{ reported, desired, version }`. */
export async function handleGetAttributes(req: Request): Promise<Response> {
  const device = await authenticateDevice(req, getRoute);
  await limitDevice(device.deviceId);
  const params = new URL(req.url).searchParams;
  const shadow = await withTenant(getDb(), device.tenantId, async (tx) => {
    const s = await findTenantDeviceShadow(tx, device.tenantId, device.deviceId);
    await applyDeviceStats(tx, [{ deviceId: device.deviceId, latest: {}, lastSeenAt: Date.now(), messages: 0, errors: 0 }]);
    return s;
  });
  if (!shadow) throw new DeviceApiError(404, "not_found", "The device no longer exists.");
  return json({
    reported: pick(shadow.reported, keyFilter(params, "clientKeys")),
    desired: pick(shadow.desired, keyFilter(params, "sharedKeys")),
    version: shadow.version,
  });
}
