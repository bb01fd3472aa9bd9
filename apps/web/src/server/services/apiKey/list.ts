import { listApiKeys as selectApiKeys } from "@aspen/db";
import { z } from "zod";
import { assertAllowed, inTenant, type Scope } from "../scope";
import { apiKeySchema, toApiKeyDto } from "./dto";

export const listApiKeysInput = z.object({
  /** `active`: only keys that still work; `all` (default): revoked and expired ones too. */
  status: z.enum(["active", "all"]).default("all"),
});
export const listApiKeysOutput = z.object({ items: z.array(apiKeySchema) });

/** The tenant's API keys, newest first (revoked and expired ones say so). */
export async function listApiKeys(scope: Scope, input: z.output<typeof listApiKeysInput>): Promise<z.output<typeof listApiKeysOutput>> {
  assertAllowed(scope, "apiKey.manage");
  const rows = await inTenant(scope, (tx) => selectApiKeys(tx, scope.tenant.id));
  const now = new Date();
  const items = rows.map((r) => toApiKeyDto(r, now));
  return { items: input.status === "active" ? items.filter((k) => k.status === "active") : items };
}
