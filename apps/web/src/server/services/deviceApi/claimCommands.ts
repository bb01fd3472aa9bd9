import { applyDeviceStats, claimQueuedCommands } from "@aspen/db/broker";
import { z } from "zod";
import { publishLive } from "../../device-api/device-state";
import { assertDevice, inTenant, type Scope } from "../scope";

export const claimCommandsInput = z.object({ limit: z.number().int().min(1).max(50) });
export const claimCommandsOutput = z.array(
  z.object({ id: z.uuid(), requestId: z.number().int(), method: z.string(), params: z.unknown() }),
);

/** The device's queued commands, oldest first, marked `sent` (their response timeout starts now). */
export async function claimCommands(
  scope: Scope,
  input: z.output<typeof claimCommandsInput>,
): Promise<z.output<typeof claimCommandsOutput>> {
  const device = assertDevice(scope);
  const claimed = await inTenant(scope, async (tx) => {
    const cmds = await claimQueuedCommands(tx, device.id, input.limit);
    await applyDeviceStats(tx, [{ deviceId: device.id, latest: {}, lastSeenAt: Date.now(), messages: 0, errors: 0 }]);
    return cmds;
  });
  publishLive(
    scope.tenant.id,
    claimed.map((c) => ({ type: "command", deviceId: device.id, commandId: c.id, status: "sent" })),
  );
  return claimed.map((c) => ({ id: c.id, requestId: c.requestId, method: c.method, params: c.params }));
}
