import { withTenant } from "@aspen/db";
import { applyDeviceStats, insertDeviceEvents } from "@aspen/db/broker";
import { getDb } from "../db";
import { authenticateDevice } from "./auth";
import { afterAccepted, recordDeviceErrors } from "./device-state";
import { DeviceApiError, json } from "./http";
import { limitDevice } from "./rate-limit";
import { ids, isPlainObject, readDeviceJson } from "./request";
import { loadProductModel } from "./thing-models";

const maxPastMs = 30 * 86_400_000;
const maxFutureMs = 60_000;

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
  let params: unknown = body.value;
  let ts = now;
  let dedupKey: string | null = null;
  const v = body.value;
  if (isPlainObject(v) && "ts" in v && "params" in v && Object.keys(v).length === 2) {
    if (typeof v.ts !== "number" || !Number.isSafeInteger(v.ts) || v.ts < now - maxPastMs || v.ts > now + maxFutureMs) {
      const reason = "ts must be milliseconds since 1970, at most 60 s ahead and 30 days back";
      await recordDeviceErrors([{ ...ids(device), kind: "payload", reason, topic: route, at: now }]);
      throw new DeviceApiError(400, "invalid_payload", reason);
    }
    ts = v.ts;
    params = v.params;
    dedupKey = `${event}:${ts}`;
  }
  const outcome = await withTenant(getDb(), device.tenantId, async (tx) => {
    const product = await loadProductModel(tx, device.productId);
    if (!product) throw new Error(`product ${device.productId} of device ${device.deviceId} not found`);
    const declared = product.model.events.find((e) => e.identifier === event);
    const schema = product.compiled.event(event);
    if (!declared || !schema) return { ok: false as const, errors: [{ key: "", reason: `unknown event "${event}": declare it in the thing model` }] };
    const checked = schema.safeParse(params ?? {});
    if (!checked.success) {
      return {
        ok: false as const,
        errors: checked.error.issues.flatMap((i) =>
          i.code === "unrecognized_keys" ? i.keys.map((k) => ({ key: k, reason: "unknown parameter" })) : [{ key: i.path.join("."), reason: i.message }],
        ),
      };
    }
    await insertDeviceEvents(tx, [{ ...ids(device), event, level: declared.level, params: checked.data, ts, dedupKey }]);
    await applyDeviceStats(tx, [{ deviceId: device.deviceId, latest: {}, lastSeenAt: now, messages: 1, errors: 0 }]);
    return { ok: true as const, level: declared.level, params: checked.data };
  });
  if (!outcome.ok) {
    const reason = outcome.errors.map((e) => (e.key ? `${e.key}: ${e.reason}` : e.reason)).join("; ");
    await recordDeviceErrors([{ ...ids(device), kind: "validation", reason: `event ${event}: ${reason}`, topic: route, at: now }]);
    throw new DeviceApiError(400, "invalid_values", `Event "${event}" refused: ${reason}`, outcome.errors);
  }
  await afterAccepted({
    ...ids(device),
    bytes: body.bytes,
    points: 0,
    latest: {},
    live: [{ type: "event", deviceId: device.deviceId, event, level: outcome.level, ts, params: outcome.params }],
  });
  return json({ event, ts }, 201);
}
