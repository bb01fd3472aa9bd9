import { listDeviceErrors } from "@aspen/db/device-data";
import { z } from "zod";
import { mapPage, pageInput } from "../../pagination";
import { requirePermission, tenantProcedure } from "../../trpc";
import { deviceInput, requireDevice } from "../telemetry/_device";

/**
 * A device's "last errors", newest first: rejected input and refused connections, from MQTT and the
 * device HTTP API. `kind` is e.g. `auth`, `acl`, `payload`, `validation`, `oversized`, `rate_limit`,
 * `suppressed`; `topic` is the MQTT topic or the HTTP route.
 */
export const errors = tenantProcedure
  .use(requirePermission("device.read"))
  .input(z.object({ ...deviceInput, ...pageInput }))
  .query(async ({ ctx, input }) => {
    const page = await ctx.withTenant(async (tx) => {
      await requireDevice(tx, ctx.tenant.id, input.deviceId);
      return listDeviceErrors(tx, ctx.tenant.id, input.deviceId, input);
    });
    return mapPage(page, (e) => ({ id: e.id, kind: e.kind, reason: e.reason, topic: e.topic, at: e.at }));
  });
