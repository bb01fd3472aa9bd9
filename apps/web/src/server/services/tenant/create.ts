import { randomUUID } from "node:crypto";
import { slugSchema } from "@aspen/core";
import { createTenantWithOwner, isUniqueViolation, withTenant } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { appError } from "../../errors";
import { auditOfUser, type UserScope } from "../scope";
import { tenantNameSchema, tenantSchema, toTenantDto, type TenantDto } from "./dto";

export const createTenantInput = z.object({ name: tenantNameSchema, slug: slugSchema });
export const createTenantOutput = tenantSchema;

/** Creates a tenant; the creator becomes its owner. */
export async function createTenant(user: UserScope, input: z.output<typeof createTenantInput>): Promise<TenantDto> {
  const id = randomUUID();
  try {
    const tenant = await withTenant(user.db, id, (tx) =>
      createTenantWithOwner(tx, { id, slug: input.slug, name: input.name, ownerId: user.user.id }),
    );
    await recordAudit(auditOfUser(user), {
      action: "tenant.create",
      tenantId: id,
      targetType: "tenant",
      targetId: tenant.slug,
      targetName: tenant.name,
    });
    return toTenantDto(tenant, "owner");
  } catch (err) {
    if (isUniqueViolation(err, "tenants_slug_key")) {
      throw appError("CONFLICT", "slug_taken", `The slug "${input.slug}" is taken; choose another`, [
        { path: "slug", message: "This slug is taken" },
      ]);
    }
    throw err;
  }
}
