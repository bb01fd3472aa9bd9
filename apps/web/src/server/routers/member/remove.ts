import { removeMember, removeMemberInput, removeMemberOutput } from "../../services/member/remove";
import { tenantProcedure } from "../../trpc";

/**
 * Removes a member, or leaves the tenant when `userId` is the caller's own. No permission middleware:
 * leaving needs none; the service checks `member.remove` for others.
 */
export const remove = tenantProcedure
  .input(removeMemberInput)
  .output(removeMemberOutput)
  .mutation(({ ctx, input }) => removeMember(ctx.scope, input));
