import { listDevices } from "@aspen/db";
import { z } from "zod";
import { mapPage, pageInput } from "../../pagination";
import { publicIdInput } from "../../public-ids";
import { requirePermission, tenantProcedure } from "../../trpc";
import { toDeviceDto } from "./_dto";

const labelFilter = z
  .string()
  .trim()
  .regex(/^[^=\s]+=.*$/, { error: 'Filter labels as "key=value"' })
  .max(200)
  .transform((s) => {
    const i = s.indexOf("=");
    return { key: s.slice(0, i), value: s.slice(i + 1) };
  });

/** Devices, newest first, filtered by name search, product, status and one label. */
export const list = tenantProcedure
  .use(requirePermission("device.read"))
  .input(
    z.object({
      search: z.string().trim().max(100).optional(),
      productId: publicIdInput("prd").optional(),
      status: z.enum(["online", "offline", "disabled"]).optional(),
      label: labelFilter.optional(),
      ...pageInput,
    }),
  )
  .query(async ({ ctx, input }) => {
    const page = await ctx.withTenant((tx) => listDevices(tx, ctx.tenant.id, input));
    return mapPage(page, toDeviceDto);
  });
