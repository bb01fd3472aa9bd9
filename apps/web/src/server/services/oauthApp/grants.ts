import { findOAuthApp, listOAuthGrantsOfApp } from "@aspen/db";
import { z } from "zod";
import { grantRequestCounts } from "../../oauth/usage";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { apiScopeSchema } from "../apiKey/dto";

export const listOAuthAppGrantsInput = z.object({ id: publicIdInput("app") });
export const listOAuthAppGrantsOutput = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      /** Who authorised the app; null for its own (client credentials) grant. */
      userEmail: z.string().nullable(),
      scopes: z.array(apiScopeSchema),
      createdAt: z.date(),
      lastUsedAt: z.date().nullable(),
      revokedAt: z.date().nullable(),
      revokedReason: z.string().nullable(),
      /** REST calls made with this grant's tokens. */
      requests: z.number().int(),
    }),
  ),
});

/** An app's grants for its admins: who authorised it, with which scopes, last use and request counts. */
export async function listOAuthAppGrants(
  scope: Scope,
  input: z.output<typeof listOAuthAppGrantsInput>,
): Promise<z.output<typeof listOAuthAppGrantsOutput>> {
  assertAllowed(scope, "oauthApp.manage");
  const rows = await inTenant(scope, async (tx) => {
    if (!(await findOAuthApp(tx, scope.tenant.id, input.id))) throw notFound("OAuth app");
    return listOAuthGrantsOfApp(tx, scope.tenant.id, input.id);
  });
  const counts = await grantRequestCounts(rows.map((r) => r.grant.id));
  return {
    items: rows.map(({ grant: g, userEmail }) => ({
      id: g.id,
      userEmail,
      scopes: g.scopes.filter((s) => apiScopeSchema.safeParse(s).success) as z.output<typeof apiScopeSchema>[],
      createdAt: g.createdAt,
      lastUsedAt: g.lastUsedAt,
      revokedAt: g.revokedAt,
      revokedReason: g.revokedReason,
      requests: counts.get(g.id) ?? 0,
    })),
  };
}
