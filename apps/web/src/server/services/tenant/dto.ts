import { planIdSchema, planOf, permissions, rolePermissions, roles, type Role } from "@aspen/core";
import { z } from "zod";
import { planRatePerMinute } from "../../limits/api-rate";
import { publicId } from "../../public-ids";

/** A tenant as a member sees it: with their role and what it allows (the console hides the rest). */
export const tenantSchema = z.object({
  id: z.string().meta({ example: "ten_2bV8qL5xN3mK9dR1cT7wYs" }),
  slug: z.string(),
  name: z.string(),
  status: z.enum(["active", "suspended"]),
  /** The tenant's plan (set by platform operators). */
  plan: planIdSchema,
  /** REST requests per minute each of its API keys and OAuth grants may make (the plan's, or the operator's override). */
  apiRequestsPerMinute: z.int(),
  createdAt: z.date().nullable(),
  role: z.enum(roles),
  /** What the signed-in member may do here: hide what they cannot. */
  permissions: z.array(z.enum(permissions)),
});
export type TenantDto = z.infer<typeof tenantSchema>;

export function toTenantDto(
  t: { id: string; slug: string; name: string; status: "active" | "suspended"; plan: string; createdAt?: Date },
  role: Role,
): TenantDto {
  return {
    id: publicId("ten", t.id),
    slug: t.slug,
    name: t.name,
    status: t.status,
    plan: planOf(t.plan).id,
    apiRequestsPerMinute: planRatePerMinute(t.plan),
    createdAt: t.createdAt ?? null,
    role,
    permissions: [...rolePermissions[role]],
  };
}

export const tenantNameSchema = z.string().trim().min(1, { error: "Enter a name" }).max(100, { error: "Use at most 100 characters" });
