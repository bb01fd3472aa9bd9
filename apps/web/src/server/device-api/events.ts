import { decodeEvent } from "@aspen/core";
import { withTenant } from "@aspen/db";
import { applyDeviceStats, insertDeviceEvents } from "@aspen/db/broker";
import { getDb } from "../db";
import { authenticateDevice } from "./auth";
import { afterAccepted, recordDeviceErrors } from "./device-state";
import { DeviceApiError, json } from "./http";
import { limitDevice } from "./rate-limit";
import { ids, readDeviceJson } from "./request";
import { loadProductModel } from "./thing-models";

/**
 * `POST /api/device/v1/events/<event>`: a thing-model event, as on MQTT `v1/devices/me/events/<event>`:
 * its params as a JSON object, or `{"ts": ms, "params": {...}}` to give the time it happened (a
 * repeated (event, ts) is stored once). 201 `{ event, ts }`; 400 with per-param reasons.
 */
export async function handleEvent(req: Request, event: string): Promise<Response> {
  const route = `POST /api/device/v1/events/${event.slice(0, 64)}`;
  const device = await authenticateDevice(req, route);
  await limitDevice(device.deviceId);
  const body = await readDeviceJson(req, device, route);
  const now = Date.now();
  const outcome = await withTenant(getDb(), device.tenantId, async (tx) => {
    const product = await loadProductModel(tx, device.productId);
    if (!product) throw new Error(`product ${device.productId} of device ${device.deviceId} not found`);
    const decoded = decodeEvent(ids(device), product.compiled, product.eventLevels, event, body.value, now);
    if (!decoded.ok) return decoded;
    await insertDeviceEvents(tx, [decoded.row]);
    await applyDeviceStats(tx, [{ deviceId: device.deviceId, latest: {}, lastSeenAt: now, messages: 1, errors: 0 }]);
    return decoded;
  });
  if (!outcome.ok && outcome.kind === "payload") {
    await recordDeviceErrors([{ ...ids(device), kind: "payload", reason: outcome.reason, topic: route, at: now }]);
    throw new DeviceApiError(400, "invalid_payload", outcome.reason);
  }
  if (!outcome.ok) {
    const reason = outcome.errors.map((e) => (e.key ? `${e.key}: ${e.reason}` : e.reason)).join("; ");
    await recordDeviceErrors([{ ...ids(device), kind: "validation", reason: `event ${event}: ${reason}`, topic: route, at: now }]);
    throw new DeviceApiError(400, "invalid_values", `Event "${event}" refused: ${reason}`, outcome.errors);
  }
  const { ts, level, params } = outcome.row;
  await afterAccepted({
    ...ids(device),
    bytes: body.bytes,
    points: 0,
    latest: {},
    live: [{ type: "event", deviceId: device.deviceId, event, level, ts, params }],
  });
  return json({ event, ts }, 201);
}
