import { findTenantDeviceShadow } from "@aspen/db/device-data";
import { z } from "zod";
import { notFound } from "../../errors";
import { requirePermission, tenantProcedure } from "../../trpc";
import { deviceInput } from "../telemetry/_device";
import { toShadowDto } from "./_dto";

/** A device's shadow: reported attributes (from the device), desired ones (from the cloud), version. */
export const get = tenantProcedure
  .use(requirePermission("device.read"))
  .input(z.object(deviceInput))
  .query(async ({ ctx, input }) => {
    const shadow = await ctx.withTenant((tx) => findTenantDeviceShadow(tx, ctx.tenant.id, input.deviceId));
    if (!shadow) throw notFound("Device");
    return toShadowDto(shadow);
  });
