import { changeMemberRole, changeMemberRoleInput, changeMemberRoleOutput } from "../../services/member/changeRole";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Changes a member's role; only owners manage owners, the last owner stays. */
export const changeRole = tenantProcedure
  .use(requirePermission("member.update"))
  .input(changeMemberRoleInput)
  .output(changeMemberRoleOutput)
  .mutation(({ ctx, input }) => changeMemberRole(ctx.scope, input));
