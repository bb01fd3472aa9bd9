import { listMembers } from "@aspen/db";
import { z } from "zod";
import { mapPage, pageInput } from "../../pagination";
import { requirePermission, tenantProcedure } from "../../trpc";
import { toMemberDto } from "./_dto";

/** The tenant's members with their roles. */
export const list = tenantProcedure
  .use(requirePermission("member.read"))
  .input(z.object({ ...pageInput }))
  .query(async ({ ctx, input }) => {
    const page = await ctx.withTenant((tx) => listMembers(tx, ctx.tenant.id, input));
    return mapPage(page, (m) => toMemberDto(m, ctx.user.id));
  });
