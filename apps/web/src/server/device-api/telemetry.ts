import { decodeTelemetryPoints, describeKeyErrors, parseTelemetryPayload } from "@aspen/core";
import { withTenant } from "@aspen/db";
import { applyDeviceStats, insertDeviceErrors, insertTelemetryRows } from "@aspen/db/broker";
import { getDb } from "../db";
import { authenticateDevice } from "./auth";
import { afterAccepted, publishLive, recordDeviceErrors } from "./device-state";
import { DeviceApiError, json } from "./http";
import { limitDevice } from "./rate-limit";
import { ids, readDeviceJson } from "./request";
import { loadProductModel } from "./thing-models";

const route = "POST /api/device/v1/telemetry";
/** Most per-key errors listed in one answer. */
const maxListedErrors = 100;

/**
 * `POST /api/device/v1/telemetry`: the MQTT telemetry payloads (`{"k":v}`, `{"ts","values"}` or an
 * array of those), validated against the product's thing model key by key and written to Postgres
 * before the answer. 200 when every value was stored; 400 `invalid_values` with per-key reasons when
 * some were refused (the valid ones are stored all the same: `accepted` says how many).
 */
export async function handleTelemetry(req: Request): Promise<Response> {
  const device = await authenticateDevice(req, route);
  await limitDevice(device.deviceId);
  const body = await readDeviceJson(req, device, route);
  const now = Date.now();
  const parsed = parseTelemetryPayload(body.value, now);
  if (!parsed.ok) {
    await recordDeviceErrors([{ ...ids(device), kind: "payload", reason: parsed.reason, topic: route, at: now }]);
    throw new DeviceApiError(400, "invalid_payload", parsed.reason);
  }
  const decoded = await withTenant(getDb(), device.tenantId, async (tx) => {
    const product = await loadProductModel(tx, device.productId);
    if (!product) throw new Error(`product ${device.productId} of device ${device.deviceId} not found`);
    const d = decodeTelemetryPoints(ids(device), product.compiled, parsed.points, Array.isArray(body.value));
    await insertTelemetryRows(tx, d.rows);
    await applyDeviceStats(tx, [
      {
        deviceId: device.deviceId,
        latest: d.latest,
        lastSeenAt: now,
        messages: d.rows.length > 0 ? 1 : 0,
        errors: d.errors.length > 0 ? 1 : 0,
      },
    ]);
    if (d.errors.length > 0) {
      await insertDeviceErrors(tx, [{ ...ids(device), kind: "validation", reason: describeKeyErrors(d.errors).slice(0, 500), topic: route, at: now }]);
    }
    return d;
  });
  const accepted = { points: decoded.points.length, values: decoded.rows.length };
  if (decoded.rows.length > 0) {
    await afterAccepted({
      ...ids(device),
      bytes: body.bytes,
      points: decoded.rows.length,
      latest: decoded.latest,
      live: decoded.points.map((p) => ({ type: "telemetry", deviceId: device.deviceId, ts: p.ts, values: p.values })),
    });
  }
  if (decoded.errors.length > 0) {
    const reason = describeKeyErrors(decoded.errors);
    publishLive(device.tenantId, [{ type: "error", deviceId: device.deviceId, kind: "validation", reason, at: now }]);
    const n = decoded.errors.length;
    throw new DeviceApiError(
      400,
      "invalid_values",
      `${n} value${n === 1 ? " was" : "s were"} refused (${reason}); ${accepted.values} valid value${accepted.values === 1 ? " was" : "s were"} stored.`,
      decoded.errors.slice(0, maxListedErrors),
      {},
      { accepted },
    );
  }
  return json({ accepted });
}
