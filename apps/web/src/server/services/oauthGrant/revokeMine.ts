import { findOAuthGrantOfUser, revokeOAuthGrant, withTenant } from "@aspen/db";
import { z } from "zod";
import { forgetApiToken } from "../../api/v1/token-cache";
import { recordAudit } from "../../audit";
import { notFound } from "../../errors";
import { auditOfUser, type UserScope } from "../scope";

export const revokeMyOAuthGrantInput = z.object({ id: z.uuid() });
export const revokeMyOAuthGrantOutput = z.object({ id: z.string(), revoked: z.literal(true) });

/** Disconnects an app the user authorised: the grant and all its tokens end at once. */
export async function revokeMyOAuthGrant(
  scope: UserScope,
  input: z.output<typeof revokeMyOAuthGrantInput>,
): Promise<z.output<typeof revokeMyOAuthGrantOutput>> {
  const grant = await findOAuthGrantOfUser(scope.systemDb, scope.user.id, input.id);
  if (!grant || grant.revokedAt) throw notFound("Connected app");
  await withTenant(scope.systemDb, grant.tenantId, (tx) => revokeOAuthGrant(tx, grant.id, "user"));
  await forgetApiToken({ kind: "oauthGrant", id: grant.id });
  await recordAudit(auditOfUser(scope), {
    action: "oauthGrant.revoke",
    tenantId: grant.tenantId,
    targetType: "oauthGrant",
    targetId: grant.id,
  });
  return { id: grant.id, revoked: true };
}
