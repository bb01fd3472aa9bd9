import { apiScopes, type ApiScope } from "@aspen/core";
import type { ApiKeyRow } from "@aspen/db";
import { z } from "zod";
import { publicId } from "../../public-ids";

export const apiScopeSchema = z.enum(apiScopes as [ApiScope, ...ApiScope[]]);

/** An API key as lists show it: never the key or its hash, only its visible prefix. */
export const apiKeySchema = z.object({
  id: z.string().meta({ example: "key_7Yq3tXJ2nE9kQ1dA4cVb8m" }),
  name: z.string(),
  prefix: z.string().meta({ description: "The first characters of the key, to recognise it" }),
  scopes: z.array(apiScopeSchema),
  createdBy: z.string().nullable(),
  expiresAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  createdAt: z.date(),
  status: z.enum(["active", "expired", "revoked"]),
});
export type ApiKeyDto = z.infer<typeof apiKeySchema>;

export function toApiKeyDto(k: ApiKeyRow, now = new Date()): ApiKeyDto {
  return {
    id: publicId("key", k.id),
    name: k.name,
    prefix: k.prefix,
    scopes: k.scopes.filter((s): s is ApiScope => (apiScopes as string[]).includes(s)),
    createdBy: k.createdByEmail,
    expiresAt: k.expiresAt,
    revokedAt: k.revokedAt,
    lastUsedAt: k.lastUsedAt,
    createdAt: k.createdAt,
    status: k.revokedAt ? "revoked" : k.expiresAt && k.expiresAt <= now ? "expired" : "active",
  };
}
