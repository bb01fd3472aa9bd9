import { canAssignRole } from "@aspen/core";
import { countOwnersForUpdate, getMember, setMemberRole } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { appError, notFound } from "../../errors";
import { publicId, publicIdInput } from "../../public-ids";
import { requirePermission, tenantProcedure } from "../../trpc";
import { roleInput } from "./_dto";

/**
 * Changes a member's role. Admins cannot touch owners or make owners; the
 * last owner cannot be demoted.
 */
export const changeRole = tenantProcedure
  .use(requirePermission("member.update"))
  .input(z.object({ userId: publicIdInput("usr"), role: roleInput }))
  .mutation(async ({ ctx, input }) => {
    const result = await ctx.withTenant(async (tx) => {
      const member = await getMember(tx, ctx.tenant.id, input.userId);
      if (!member) throw notFound("Member");
      if (!canAssignRole(ctx.role, member.role) || !canAssignRole(ctx.role, input.role)) {
        throw appError(
          "FORBIDDEN",
          "cannot_assign_role",
          `Your role (${ctx.role}) cannot change a ${member.role} into a ${input.role}; only owners manage owners`,
        );
      }
      if (member.role === input.role) return { member, from: member.role };
      if (member.role === "owner" && (await countOwnersForUpdate(tx, ctx.tenant.id)) <= 1) {
        throw appError("CONFLICT", "last_owner", "A tenant needs at least one owner: make someone else owner first");
      }
      await setMemberRole(tx, ctx.tenant.id, member.userId, input.role);
      return { member, from: member.role };
    });
    const { member, from } = result;
    if (from !== input.role) {
      await recordAudit(ctx.audit, {
        action: "member.role_change",
        targetType: "user",
        targetId: publicId("usr", member.userId),
        targetName: member.email,
        details: { from, to: input.role },
      });
    }
    return { userId: publicId("usr", member.userId), role: input.role };
  });
