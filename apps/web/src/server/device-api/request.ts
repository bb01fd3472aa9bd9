import type { AuthenticatedDevice } from "./auth";
import { maxBodyBytes, parseJson, readBody } from "./body";
import { recordDeviceErrors } from "./device-state";
import { DeviceApiError } from "./http";

/**
 * The JSON body of an authenticated device's request. Oversized and malformed bodies are refused
 * (413, 400) and recorded in the device's "last errors", as the broker does for MQTT payloads.
 */
export async function readDeviceJson(req: Request, device: AuthenticatedDevice, route: string): Promise<{ value: unknown; bytes: number }> {
  let bytes: Uint8Array;
  try {
    bytes = await readBody(req, maxBodyBytes);
  } catch (err) {
    if (err instanceof DeviceApiError && err.status === 413) {
      await recordDeviceErrors([
        {
          ...ids(device),
          kind: "oversized",
          reason: `request body exceeds the limit of ${maxBodyBytes} bytes`,
          topic: route,
          at: Date.now(),
        },
      ]);
    }
    throw err;
  }
  const parsed = parseJson(bytes);
  if (!parsed.ok) {
    await recordDeviceErrors([{ ...ids(device), kind: "payload", reason: parsed.reason, topic: route, at: Date.now() }]);
    throw new DeviceApiError(400, "invalid_payload", parsed.reason);
  }
  return { value: parsed.value, bytes: parsed.bytes };
}

export const ids = (d: AuthenticatedDevice) => ({ tenantId: d.tenantId, deviceId: d.deviceId });

export const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
