import { listDeviceErrors as queryErrors } from "@aspen/db/device-data";
import { z } from "zod";
import { mapPage, pageInput, pageOf } from "../../pagination";
import { deviceInput, withDevice } from "../device/require";
import { assertAllowed, type Scope } from "../scope";

export const listDeviceErrorsInput = z.object({ ...deviceInput, ...pageInput });
export const listDeviceErrorsOutput = pageOf(
  z.object({
    id: z.string(),
    /** e.g. `auth`, `acl`, `payload`, `validation`, `oversized`, `rate_limit`, `suppressed`. */
    kind: z.string(),
    reason: z.string(),
    /** The MQTT topic or the HTTP route. */
    topic: z.string().nullable(),
    at: z.date(),
  }),
);

/**
 * A device's "last errors", newest first: rejected input and refused connections, from MQTT and the
 * device HTTP API.
 */
export async function listDeviceErrors(
  scope: Scope,
  input: z.output<typeof listDeviceErrorsInput>,
): Promise<z.output<typeof listDeviceErrorsOutput>> {
  assertAllowed(scope, "device.read");
  const page = await withDevice(scope, input.deviceId, (tx) => queryErrors(tx, scope.tenant.id, input.deviceId, input));
  return mapPage(page, (e) => ({ id: e.id, kind: e.kind, reason: e.reason, topic: e.topic, at: e.at }));
}
