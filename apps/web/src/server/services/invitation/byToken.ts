import { roles } from "@aspen/core";
import { findInvitationByTokenHash, invitationState } from "@aspen/db";
import { z } from "zod";
import { getSystemDb } from "../../db";
import { notFound } from "../../errors";
import { hashInvitationToken } from "./token";

export const invitationTokenInput = z.string().min(20).max(200);

export const getInvitationByTokenInput = z.object({ token: invitationTokenInput });
export const getInvitationByTokenOutput = z.object({
  tenantName: z.string(),
  tenantSlug: z.string(),
  email: z.string(),
  role: z.enum(roles),
  state: z.enum(["pending", "accepted", "revoked", "expired"]),
  expiresAt: z.date(),
});

/** What an invitation link is for, shown before accepting. Anyone may ask: the token is the secret. */
export async function getInvitationByToken(
  input: z.output<typeof getInvitationByTokenInput>,
): Promise<z.output<typeof getInvitationByTokenOutput>> {
  // Crosses tenants (the token names the tenant): the system connection.
  const inv = await findInvitationByTokenHash(getSystemDb(), hashInvitationToken(input.token));
  if (!inv) throw notFound("Invitation");
  return {
    tenantName: inv.tenant.name,
    tenantSlug: inv.tenant.slug,
    email: inv.email,
    role: inv.role,
    state: invitationState(inv),
    expiresAt: inv.expiresAt,
  };
}
