import { roleCoversScope } from "@aspen/core";
import { addOAuthAppSecret, insertOAuthApp } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { appError } from "../../errors";
import { actingUserId, assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { oauthAppFields, oauthAppSchema, toOAuthAppDto } from "./dto";
import { newClientSecret } from "./secret";

export const createOAuthAppInput = z.object({ ...oauthAppFields, clientType: z.enum(["confidential", "public"]) });
export const createOAuthAppOutput = z.object({
  app: oauthAppSchema,
  /** Confidential clients: the client secret, shown this once. Null for public (PKCE-only) clients. */
  clientSecret: z.string().nullable(),
});

/** Registers a third-party app; its scopes must be covered by the registering admin's role. */
export async function createOAuthApp(
  scope: Scope,
  input: z.output<typeof createOAuthAppInput>,
): Promise<z.output<typeof createOAuthAppOutput>> {
  assertAllowed(scope, "oauthApp.manage");
  const beyond = input.scopes.filter((s) => !roleCoversScope(scope.role, s));
  if (beyond.length) {
    throw appError("FORBIDDEN", "scope_beyond_role", `Your role (${scope.role}) cannot grant ${beyond.join(", ")}.`, [
      { path: "scopes", message: `not covered by your role: ${beyond.join(", ")}` },
    ]);
  }
  const secret = input.clientType === "confidential" ? newClientSecret() : null;
  const row = await inTenant(scope, async (tx) => {
    const app = await insertOAuthApp(tx, {
      tenantId: scope.tenant.id,
      name: input.name,
      logoUrl: input.logoUrl,
      homepageUrl: input.homepageUrl,
      redirectUris: [...new Set(input.redirectUris)],
      scopes: [...new Set(input.scopes)],
      clientType: input.clientType,
      createdBy: actingUserId(scope),
    });
    if (secret) await addOAuthAppSecret(tx, scope.tenant.id, app.id, secret, new Date());
    return app;
  });
  const dto = toOAuthAppDto(row);
  await recordAudit(auditOf(scope), {
    action: "oauthApp.create",
    targetType: "oauthApp",
    targetId: dto.id,
    targetName: dto.name,
    details: { scopes: dto.scopes, clientType: dto.clientType, redirectUris: dto.redirectUris },
  });
  return { app: dto, clientSecret: secret?.secret ?? null };
}
