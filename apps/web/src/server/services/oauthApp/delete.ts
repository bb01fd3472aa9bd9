import { deleteOAuthApp as removeApp, findOAuthApp, listOAuthGrantsOfApp } from "@aspen/db";
import { z } from "zod";
import { forgetApiToken } from "../../api/v1/token-cache";
import { recordAudit } from "../../audit";
import { notFound } from "../../errors";
import { publicId, publicIdInput } from "../../public-ids";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";

export const deleteOAuthAppInput = z.object({ id: publicIdInput("app") });
export const deleteOAuthAppOutput = z.object({ id: z.string(), deleted: z.literal(true) });

/** Deletes an app with its secrets, grants and tokens: its tokens stop working at once. */
export async function deleteOAuthApp(
  scope: Scope,
  input: z.output<typeof deleteOAuthAppInput>,
): Promise<z.output<typeof deleteOAuthAppOutput>> {
  assertAllowed(scope, "oauthApp.manage");
  const { app, grants } = await inTenant(scope, async (tx) => {
    const app = await findOAuthApp(tx, scope.tenant.id, input.id);
    if (!app) throw notFound("OAuth app");
    const grants = await listOAuthGrantsOfApp(tx, scope.tenant.id, app.id);
    await removeApp(tx, scope.tenant.id, app.id);
    return { app, grants };
  });
  await Promise.all(grants.map((g) => forgetApiToken({ kind: "oauthGrant", id: g.grant.id })));
  const id = publicId("app", app.id);
  await recordAudit(auditOf(scope), { action: "oauthApp.delete", targetType: "oauthApp", targetId: id, targetName: app.name });
  return { id, deleted: true };
}
