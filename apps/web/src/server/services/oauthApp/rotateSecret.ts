import { addOAuthAppSecret, findOAuthApp, liveOAuthAppSecrets } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { appError, notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { newClientSecret } from "./secret";

export const rotateOAuthAppSecretInput = z.object({
  id: publicIdInput("app"),
  /** How long the previous secret keeps working (0 ends it now). */
  overlapHours: z
    .int()
    .min(0)
    .max(24 * 30)
    .default(24),
});
export const rotateOAuthAppSecretOutput = z.object({
  clientSecret: z.string(),
  /** The secrets still accepted, newest first (the old one until the overlap ends). */
  secrets: z.array(z.object({ hint: z.string(), expiresAt: z.date().nullable(), createdAt: z.date() })),
});

/** A new client secret, shown once; the previous one keeps working for `overlapHours`. */
export async function rotateOAuthAppSecret(
  scope: Scope,
  input: z.output<typeof rotateOAuthAppSecretInput>,
): Promise<z.output<typeof rotateOAuthAppSecretOutput>> {
  assertAllowed(scope, "oauthApp.manage");
  const secret = newClientSecret();
  const { app, secrets } = await inTenant(scope, async (tx) => {
    const app = await findOAuthApp(tx, scope.tenant.id, input.id);
    if (!app) throw notFound("OAuth app");
    if (app.clientType === "public") throw appError("BAD_REQUEST", "public_client", "Public clients have no secret; they use PKCE.");
    await addOAuthAppSecret(tx, scope.tenant.id, app.id, secret, new Date(Date.now() + input.overlapHours * 3_600_000));
    return { app, secrets: await liveOAuthAppSecrets(tx, scope.tenant.id, app.id) };
  });
  await recordAudit(auditOf(scope), {
    action: "oauthApp.rotate_secret",
    targetType: "oauthApp",
    targetName: app.name,
    details: { overlapHours: input.overlapHours },
  });
  return { clientSecret: secret.secret, secrets: secrets.map(({ hint, expiresAt, createdAt }) => ({ hint, expiresAt, createdAt })) };
}
