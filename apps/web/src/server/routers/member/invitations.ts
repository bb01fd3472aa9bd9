import { listPendingInvitations } from "@aspen/db";
import { z } from "zod";
import { mapPage, pageInput } from "../../pagination";
import { requirePermission, tenantProcedure } from "../../trpc";
import { toInvitationDto } from "./_dto";

/** Pending (not accepted, revoked or expired) invitations. */
export const invitations = tenantProcedure
  .use(requirePermission("member.invite"))
  .input(z.object({ ...pageInput }))
  .query(async ({ ctx, input }) => {
    const page = await ctx.withTenant((tx) => listPendingInvitations(tx, ctx.tenant.id, input));
    return mapPage(page, toInvitationDto);
  });
