import { labelFilterPattern, parseLabelFilter } from "@aspen/core";
import { listDevices as queryDevices } from "@aspen/db";
import { z } from "zod";
import { mapPage, pageInput, pageOf } from "../../pagination";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { deviceSchema, deviceStatusSchema, toDeviceDto } from "./dto";

const labelFilter = z
  .string()
  .trim()
  .regex(labelFilterPattern, { error: 'Filter labels as "key=value"' })
  .max(200)
  .transform((s, ctx) => {
    const filter = parseLabelFilter(s);
    if (filter) return filter;
    ctx.addIssue({ code: "custom", message: 'Filter labels as "key=value"' });
    return z.NEVER;
  });

export const listDevicesInput = z.object({
  search: z.string().trim().max(100).optional(),
  productId: publicIdInput("prd").optional(),
  status: deviceStatusSchema.optional(),
  label: labelFilter.optional(),
  ...pageInput,
});
export const listDevicesOutput = pageOf(deviceSchema);

/** Devices, newest first, filtered by name search, product, status and one label. */
export async function listDevices(scope: Scope, input: z.output<typeof listDevicesInput>): Promise<z.output<typeof listDevicesOutput>> {
  assertAllowed(scope, "device.read");
  const page = await inTenant(scope, (tx) => queryDevices(tx, scope.tenant.id, input));
  return mapPage(page, toDeviceDto);
}
