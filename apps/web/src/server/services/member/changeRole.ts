import { canAssignRole } from "@aspen/core";
import { getMember, setMemberRole } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { appError, notFound } from "../../errors";
import { publicId, publicIdInput } from "../../public-ids";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { roleInput } from "./dto";
import { assertKeepsAnOwner } from "./last-owner";

export const changeMemberRoleInput = z.object({ userId: publicIdInput("usr"), role: roleInput });
export const changeMemberRoleOutput = z.object({ userId: z.string(), role: roleInput });

/** Changes a member's role. Admins cannot touch owners or make owners; the last owner cannot be demoted. */
export async function changeMemberRole(
  scope: Scope,
  input: z.output<typeof changeMemberRoleInput>,
): Promise<z.output<typeof changeMemberRoleOutput>> {
  assertAllowed(scope, "member.update");
  const { member, from } = await inTenant(scope, async (tx) => {
    const member = await getMember(tx, scope.tenant.id, input.userId);
    if (!member) throw notFound("Member");
    if (!canAssignRole(scope.role, member.role) || !canAssignRole(scope.role, input.role)) {
      throw appError(
        "FORBIDDEN",
        "cannot_assign_role",
        `Your role (${scope.role}) cannot change a ${member.role} into a ${input.role}; only owners manage owners`,
      );
    }
    if (member.role === input.role) return { member, from: member.role };
    await assertKeepsAnOwner(
      tx,
      scope.tenant.id,
      { from: member.role, to: input.role },
      "A tenant needs at least one owner: make someone else owner first",
    );
    await setMemberRole(tx, scope.tenant.id, member.userId, input.role);
    return { member, from: member.role };
  });
  if (from !== input.role) {
    await recordAudit(auditOf(scope), {
      action: "member.role_change",
      targetType: "user",
      targetId: publicId("usr", member.userId),
      targetName: member.email,
      details: { from, to: input.role },
    });
  }
  return { userId: publicId("usr", member.userId), role: input.role };
}
