import { listOAuthGrantsOfUser } from "@aspen/db";
import { z } from "zod";
import { publicId } from "../../public-ids";
import { apiScopeSchema } from "../apiKey/dto";
import type { UserScope } from "../scope";

export const myOAuthGrantsInput = z.object({});
export const myOAuthGrantsOutput = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      app: z.object({ id: z.string(), name: z.string(), logoUrl: z.string().nullable(), homepageUrl: z.string().nullable() }),
      tenant: z.object({ slug: z.string(), name: z.string() }),
      scopes: z.array(apiScopeSchema),
      createdAt: z.date(),
      lastUsedAt: z.date().nullable(),
    }),
  ),
});

/** "Connected apps": the apps the signed-in user authorised, per tenant, still live. */
export async function myOAuthGrants(
  scope: UserScope,
  _input: z.output<typeof myOAuthGrantsInput>,
): Promise<z.output<typeof myOAuthGrantsOutput>> {
  const rows = await listOAuthGrantsOfUser(scope.systemDb, scope.user.id);
  return {
    items: rows.map((r) => ({
      id: r.grant.id,
      app: { id: publicId("app", r.app.id), name: r.app.name, logoUrl: r.app.logoUrl, homepageUrl: r.app.homepageUrl },
      tenant: { slug: r.tenant.slug, name: r.tenant.name },
      scopes: r.grant.scopes.filter((s) => apiScopeSchema.safeParse(s).success) as z.output<typeof apiScopeSchema>[],
      createdAt: r.grant.createdAt,
      lastUsedAt: r.grant.lastUsedAt,
    })),
  };
}
