import { roles } from "@aspen/core";
import type { MemberRow, PendingInvitation } from "@aspen/db";
import { z } from "zod";
import { publicId } from "../../public-ids";

export const roleInput = z.enum(roles, { error: `Role must be one of: ${roles.join(", ")}` });

export function toMemberDto(m: MemberRow, selfId: string) {
  return {
    userId: publicId("usr", m.userId),
    email: m.email,
    name: m.name,
    role: m.role,
    joinedAt: m.createdAt,
    isSelf: m.userId === selfId,
  };
}

export function toInvitationDto(i: PendingInvitation) {
  return {
    id: publicId("inv", i.id),
    email: i.email,
    role: i.role,
    expiresAt: i.expiresAt,
    createdAt: i.createdAt,
    invitedByEmail: i.invitedByEmail,
  };
}
