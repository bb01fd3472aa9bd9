import { listCommands as queryCommands } from "@aspen/db/device-data";
import { z } from "zod";
import { mapPage, pageInput, pageOf } from "../../pagination";
import { deviceInput, withDevice } from "../device/require";
import { assertAllowed, type Scope } from "../scope";
import { commandSchema, commandStatuses, toCommandDto } from "./dto";

export const listCommandsInput = z.object({ ...deviceInput, ...pageInput, status: z.enum(commandStatuses).optional() });
export const listCommandsOutput = pageOf(commandSchema);

/** A device's commands, newest first, optionally of one status. */
export async function listCommands(scope: Scope, input: z.output<typeof listCommandsInput>): Promise<z.output<typeof listCommandsOutput>> {
  assertAllowed(scope, "device.read");
  const page = await withDevice(scope, input.deviceId, (tx) => queryCommands(tx, scope.tenant.id, input.deviceId, input));
  return mapPage(page, toCommandDto);
}
