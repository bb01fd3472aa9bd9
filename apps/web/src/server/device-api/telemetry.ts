import { sendTelemetry } from "../services/deviceApi/sendTelemetry";
import { authenticateDevice, deviceScopeOf } from "./auth";
import { DeviceApiError, json } from "./http";
import { limitDevice } from "./rate-limit";
import { readDeviceJson } from "./request";

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
  const out = await sendTelemetry(deviceScopeOf(req, device), { payload: body.value, bytes: body.bytes, route });
  if (!out.ok) throw new DeviceApiError(400, "invalid_payload", out.reason);
  const { accepted, refused, reason } = out;
  if (reason) {
    const n = refused.length;
    throw new DeviceApiError(
      400,
      "invalid_values",
      `${n} value${n === 1 ? " was" : "s were"} refused (${reason}); ${accepted.values} valid value${accepted.values === 1 ? " was" : "s were"} stored.`,
      refused.slice(0, maxListedErrors),
      {},
      { accepted },
    );
  }
  return json({ accepted });
}
