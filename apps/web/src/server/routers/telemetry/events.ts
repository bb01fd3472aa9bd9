import { listDeviceEvents, listDeviceEventsInput, listDeviceEventsOutput } from "../../services/telemetry/events";
import { requirePermission, tenantProcedure } from "../../trpc";

/** A device's thing-model events, newest first; `event` narrows to one identifier. */
export const events = tenantProcedure
  .use(requirePermission("device.read"))
  .input(listDeviceEventsInput)
  .output(listDeviceEventsOutput)
  .query(({ ctx, input }) => listDeviceEvents(ctx.scope, input));
