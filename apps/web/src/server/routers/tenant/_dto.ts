import { rolePermissions, type Role } from "@aspen/core";
import { publicId } from "../../public-ids";

export function toTenantDto(t: { id: string; slug: string; name: string; status: "active" | "suspended"; createdAt?: Date }, role: Role) {
  return {
    id: publicId("ten", t.id),
    slug: t.slug,
    name: t.name,
    status: t.status,
    createdAt: t.createdAt ?? null,
    role,
    /** What the signed-in member may do here: hide what they cannot. */
    permissions: [...rolePermissions[role]],
  };
}
export type TenantDto = ReturnType<typeof toTenantDto>;
