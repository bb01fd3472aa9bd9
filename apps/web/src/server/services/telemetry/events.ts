import { eventLevels, publicId } from "@aspen/core";
import { listDeviceEvents as queryEvents } from "@aspen/db/device-data";
import { z } from "zod";
import { mapPage, pageInput, pageOf } from "../../pagination";
import { deviceInput, withDevice } from "../device/require";
import { assertAllowed, type Scope } from "../scope";

export const listDeviceEventsInput = z.object({ ...deviceInput, ...pageInput, event: z.string().min(1).max(64).optional() });
export const listDeviceEventsOutput = pageOf(
  z.object({ id: z.string(), event: z.string(), level: z.enum(eventLevels), params: z.record(z.string(), z.unknown()), ts: z.date() }),
);

/** A device's thing-model events, newest first; `event` narrows to one identifier. */
export async function listDeviceEvents(
  scope: Scope,
  input: z.output<typeof listDeviceEventsInput>,
): Promise<z.output<typeof listDeviceEventsOutput>> {
  assertAllowed(scope, "device.read");
  const page = await withDevice(scope, input.deviceId, (tx) => queryEvents(tx, scope.tenant.id, input.deviceId, input));
  return mapPage(page, (e) => ({ id: publicId("evt", e.id), event: e.event, level: e.level, params: e.params, ts: e.ts }));
}
