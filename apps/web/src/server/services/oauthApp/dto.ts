import type { OAuthAppRow } from "@aspen/db";
import { z } from "zod";
import { publicId } from "../../public-ids";
import { apiScopeSchema } from "../apiKey/dto";

/** An OAuth app as its admins see it; `clientId` is its public id. Never a secret. */
export const oauthAppSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  name: z.string(),
  logoUrl: z.string().nullable(),
  homepageUrl: z.string().nullable(),
  redirectUris: z.array(z.string()),
  scopes: z.array(apiScopeSchema),
  clientType: z.enum(["confidential", "public"]),
  createdAt: z.date(),
});
export type OAuthAppDto = z.infer<typeof oauthAppSchema>;

export function toOAuthAppDto(a: OAuthAppRow): OAuthAppDto {
  const id = publicId("app", a.id);
  return {
    id,
    clientId: id,
    name: a.name,
    logoUrl: a.logoUrl,
    homepageUrl: a.homepageUrl,
    redirectUris: a.redirectUris,
    scopes: a.scopes.filter((s) => apiScopeSchema.safeParse(s).success) as OAuthAppDto["scopes"],
    clientType: a.clientType,
    createdAt: a.createdAt,
  };
}

/**
 * A redirect URI an app may register: absolute, https (or http on loopback for native/dev apps),
 * no fragment. Matching at /oauth/authorize is exact, character for character.
 */
export const redirectUriSchema = z
  .string()
  .max(2000)
  .refine((v) => {
    try {
      const u = new URL(v);
      if (u.hash) return false;
      if (u.protocol === "https:") return true;
      return u.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(u.hostname);
    } catch {
      return false;
    }
  }, "An absolute https URL without #fragment (http only on localhost)");

const httpsUrl = z.url({ protocol: /^https?$/ }).max(2000);

export const oauthAppFields = {
  name: z.string().trim().min(1).max(80),
  logoUrl: httpsUrl.nullable().default(null),
  homepageUrl: httpsUrl.nullable().default(null),
  redirectUris: z.array(redirectUriSchema).min(1).max(10),
  scopes: z.array(apiScopeSchema).min(1).max(32),
};
