import { planIdSchema } from "@aspen/core";
import { listAllTenants } from "@aspen/db";
import { z } from "zod";
import { getSystemDb } from "../../db";
import { planRatePerMinute } from "../../limits/api-rate";
import { mapPage, pageInput, pageOf } from "../../pagination";
import { publicId } from "../../public-ids";
import { assertPlatformAdmin, type PlatformActor } from "../queue/_admin";

export const listPlatformTenantsInput = z
  .object({ ...pageInput, q: z.string().trim().max(100).optional() })
  .default({ page: 1, pageSize: 20 });
export const listPlatformTenantsOutput = pageOf(
  z.object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    status: z.enum(["active", "suspended"]),
    plan: planIdSchema,
    createdAt: z.date(),
  }),
).extend({
  /** REST requests per minute per key / grant on each plan, after the operator's override (what a move would give). */
  planLimits: z.object({ free: z.int(), pro: z.int(), enterprise: z.int() }),
});

/** Every tenant of the platform with its plan, by name (platform operators). */
export async function listPlatformTenants(
  actor: PlatformActor,
  input: z.output<typeof listPlatformTenantsInput>,
): Promise<z.output<typeof listPlatformTenantsOutput>> {
  await assertPlatformAdmin(actor);
  const page = await listAllTenants(getSystemDb(), { page: input.page, pageSize: input.pageSize, q: input.q || undefined });
  const planLimits = { free: planRatePerMinute("free"), pro: planRatePerMinute("pro"), enterprise: planRatePerMinute("enterprise") };
  return { ...mapPage(page, (t) => ({ ...t, id: publicId("ten", t.id) })), planLimits };
}
