import { listMembers, listMembersInput, listMembersOutput } from "../../services/member/list";
import { requirePermission, tenantProcedure } from "../../trpc";

/** The tenant's members with their roles. */
export const list = tenantProcedure
  .use(requirePermission("member.read"))
  .input(listMembersInput)
  .output(listMembersOutput)
  .query(({ ctx, input }) => listMembers(ctx.scope, input));
