import { sendEvent } from "../services/deviceApi/sendEvent";
import { authenticateDevice, deviceScopeOf } from "./auth";
import { DeviceApiError, json } from "./http";
import { limitDevice } from "./rate-limit";
import { readDeviceJson } from "./request";

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
  const out = await sendEvent(deviceScopeOf(req, device), { event, payload: body.value, bytes: body.bytes, route });
  if (!out.ok && out.kind === "payload") throw new DeviceApiError(400, "invalid_payload", out.reason);
  if (!out.ok) throw new DeviceApiError(400, "invalid_values", `Event "${event}" refused: ${out.reason}`, out.errors);
  return json({ event: out.event, ts: out.ts }, 201);
}
