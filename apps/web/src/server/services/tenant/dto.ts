import { permissions, rolePermissions, roles, type Role } from "@aspen/core";
import { z } from "zod";
import { publicId } from "../../public-ids";

/** A tenant as a member sees it: with their role and what it allows (the console hides the rest). */
export const tenantSchema = z.object({
  id: z.string().meta({ example: "ten_2bV8qL5xN3mK9dR1cT7wYs" }),
  slug: z.string(),
  name: z.string(),
  status: z.enum(["active", "suspended"]),
  createdAt: z.date().nullable(),
  role: z.enum(roles),
  /** What the signed-in member may do here: hide what they cannot. */
  permissions: z.array(z.enum(permissions)),
});
export type TenantDto = z.infer<typeof tenantSchema>;

export function toTenantDto(
  t: { id: string; slug: string; name: string; status: "active" | "suspended"; createdAt?: Date },
  role: Role,
): TenantDto {
  return {
    id: publicId("ten", t.id),
    slug: t.slug,
    name: t.name,
    status: t.status,
    createdAt: t.createdAt ?? null,
    role,
    permissions: [...rolePermissions[role]],
  };
}

export const tenantNameSchema = z.string().trim().min(1, { error: "Enter a name" }).max(100, { error: "Use at most 100 characters" });
