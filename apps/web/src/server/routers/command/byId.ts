import { findCommandById } from "@aspen/db/device-data";
import { z } from "zod";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { requirePermission, tenantProcedure } from "../../trpc";
import { toCommandDto } from "./_dto";

/** One command (`cmd_…`) of the tenant. */
export const byId = tenantProcedure
  .use(requirePermission("device.read"))
  .input(z.object({ id: publicIdInput("cmd") }))
  .query(async ({ ctx, input }) => {
    const row = await ctx.withTenant((tx) => findCommandById(tx, ctx.tenant.id, input.id));
    if (!row) throw notFound("Command");
    return toCommandDto(row);
  });
