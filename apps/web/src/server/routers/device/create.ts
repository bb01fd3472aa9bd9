import { createDeviceInput, createDeviceOutput, createDevice } from "../../services/device/create";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Registers a device; the response carries its secret, MQTT settings and a mosquitto_pub example, once. */
export const create = tenantProcedure
  .use(requirePermission("device.write"))
  .input(createDeviceInput)
  .output(createDeviceOutput)
  .mutation(({ ctx, input }) => createDevice(ctx.scope, input));
