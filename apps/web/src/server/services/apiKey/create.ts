import { generateSecret, hashSecret, roleCoversScope } from "@aspen/core";
import { findApiKeyById, insertApiKey } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { appError, notFound } from "../../errors";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { apiKeySchema, apiScopeSchema, toApiKeyDto } from "./dto";

export const createApiKeyInput = z.object({
  name: z.string().trim().min(1).max(80),
  scopes: z.array(apiScopeSchema).min(1).max(32),
  /** When the key stops working; omit for a key that does not expire. */
  expiresAt: z.coerce.date().optional(),
});
export const createApiKeyOutput = z.object({
  apiKey: apiKeySchema,
  /** The key itself (`ak_…`): shown this once, never again. */
  secret: z.string(),
});

/** The visible part kept for lists: `ak_` and 8 characters of the random part. */
export const apiKeyPrefixLength = 11;

/** Creates a key acting with `scopes` (each must be covered by the creator's own role); returns the key once. */
export async function createApiKey(scope: Scope, input: z.output<typeof createApiKeyInput>): Promise<z.output<typeof createApiKeyOutput>> {
  assertAllowed(scope, "apiKey.manage");
  if (scope.actor.kind !== "user") throw appError("FORBIDDEN", "forbidden", "API keys are created by members in the console.");
  const beyond = input.scopes.filter((s) => !roleCoversScope(scope.role, s));
  if (beyond.length) {
    throw appError("FORBIDDEN", "scope_beyond_role", `Your role (${scope.role}) cannot grant ${beyond.join(", ")}.`, [
      { path: "scopes", message: `not covered by your role: ${beyond.join(", ")}` },
    ]);
  }
  if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
    throw appError("BAD_REQUEST", "invalid_input", "expiresAt: must be in the future", [
      { path: "expiresAt", message: "must be in the future" },
    ]);
  }
  const secret = `ak_${generateSecret()}`;
  const userId = scope.actor.id;
  const row = await inTenant(scope, async (tx) => {
    const id = await insertApiKey(tx, {
      tenantId: scope.tenant.id,
      name: input.name,
      prefix: secret.slice(0, apiKeyPrefixLength),
      secretHash: hashSecret(secret),
      scopes: [...new Set(input.scopes)],
      createdBy: userId,
      expiresAt: input.expiresAt ?? null,
    });
    const found = await findApiKeyById(tx, scope.tenant.id, id);
    if (!found) throw notFound("API key");
    return found;
  });
  const dto = toApiKeyDto(row);
  await recordAudit(auditOf(scope), {
    action: "apiKey.create",
    targetType: "apiKey",
    targetId: dto.id,
    targetName: dto.name,
    details: { scopes: dto.scopes, expiresAt: dto.expiresAt?.toISOString() ?? null },
  });
  return { apiKey: dto, secret };
}
