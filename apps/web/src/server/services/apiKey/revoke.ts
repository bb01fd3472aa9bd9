import { findApiKeyById, revokeApiKey as writeRevoked } from "@aspen/db";
import { z } from "zod";
import { forgetApiToken } from "../../api/v1/token-cache";
import { recordAudit } from "../../audit";
import { notFound } from "../../errors";
import { publicIdInput } from "../../public-ids";
import { assertAllowed, auditOf, inTenant, type Scope } from "../scope";
import { apiKeySchema, toApiKeyDto } from "./dto";

export const revokeApiKeyInput = z.object({ id: publicIdInput("key") });
export const revokeApiKeyOutput = apiKeySchema;

/** Revokes a key at once: its cached validation is dropped, the next call with it is a 401. */
export async function revokeApiKey(scope: Scope, input: z.output<typeof revokeApiKeyInput>): Promise<z.output<typeof revokeApiKeyOutput>> {
  assertAllowed(scope, "apiKey.manage");
  const row = await inTenant(scope, async (tx) => {
    if (!(await writeRevoked(tx, scope.tenant.id, input.id))) throw notFound("API key");
    return findApiKeyById(tx, scope.tenant.id, input.id);
  });
  if (!row) throw notFound("API key");
  await forgetApiToken({ kind: "apiKey", id: row.id });
  const dto = toApiKeyDto(row);
  await recordAudit(auditOf(scope), { action: "apiKey.revoke", targetType: "apiKey", targetId: dto.id, targetName: dto.name });
  return dto;
}
