import { roles } from "@aspen/core";
import type { MemberRow, PendingInvitation } from "@aspen/db";
import { z } from "zod";
import { publicId } from "../../public-ids";

export const roleInput = z.enum(roles, { error: `Role must be one of: ${roles.join(", ")}` });
const roleSchema = z.enum(roles);

export const memberSchema = z.object({
  userId: z.string().meta({ example: "usr_5hT2kP9wQ3nB7xM1cV4rLz" }),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  joinedAt: z.date(),
  /** The caller. */
  isSelf: z.boolean(),
});
export type MemberDto = z.infer<typeof memberSchema>;

export function toMemberDto(m: MemberRow, selfId: string | null): MemberDto {
  return {
    userId: publicId("usr", m.userId),
    email: m.email,
    name: m.name,
    role: m.role,
    joinedAt: m.createdAt,
    isSelf: m.userId === selfId,
  };
}

export const invitationSchema = z.object({
  id: z.string().meta({ example: "inv_8cW3nR6tK1vX9mB2qL7dPs" }),
  email: z.string(),
  role: roleSchema,
  expiresAt: z.date(),
  createdAt: z.date(),
  invitedByEmail: z.string().nullable(),
});
export type InvitationDto = z.infer<typeof invitationSchema>;

export function toInvitationDto(i: PendingInvitation): InvitationDto {
  return {
    id: publicId("inv", i.id),
    email: i.email,
    role: i.role,
    expiresAt: i.expiresAt,
    createdAt: i.createdAt,
    invitedByEmail: i.invitedByEmail,
  };
}
