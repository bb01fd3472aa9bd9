import { findInvitationByTokenHash, invitationState } from "@aspen/db";
import { z } from "zod";
import { notFound } from "../../errors";
import { publicProcedure } from "../../trpc";
import { hashInvitationToken } from "./_token";

export const tokenInput = z.string().min(20).max(200);

/** What an invitation link is for, shown before accepting. Public: the token is the secret. */
export const byToken = publicProcedure.input(z.object({ token: tokenInput })).query(async ({ ctx, input }) => {
  const inv = await findInvitationByTokenHash(ctx.systemDb, hashInvitationToken(input.token));
  if (!inv) throw notFound("Invitation");
  return {
    tenantName: inv.tenant.name,
    tenantSlug: inv.tenant.slug,
    email: inv.email,
    role: inv.role,
    state: invitationState(inv),
    expiresAt: inv.expiresAt,
  };
});
