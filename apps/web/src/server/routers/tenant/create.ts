import { randomUUID } from "node:crypto";
import { slugSchema } from "@aspen/core";
import { createTenantWithOwner, isUniqueViolation, withTenant } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { appError } from "../../errors";
import { authedProcedure } from "../../trpc";
import { toTenantDto } from "./_dto";

export const tenantNameSchema = z
  .string()
  .trim()
  .min(1, { error: "Enter a name" })
  .max(100, { error: "Use at most 100 characters" });

/** Creates a tenant; the creator becomes its owner. */
export const create = authedProcedure
  .input(z.object({ name: tenantNameSchema, slug: slugSchema }))
  .mutation(async ({ ctx, input }) => {
    const id = randomUUID();
    try {
      const tenant = await withTenant(ctx.db, id, (tx) =>
        createTenantWithOwner(tx, { id, slug: input.slug, name: input.name, ownerId: ctx.user.id }),
      );
      await recordAudit(
        { user: ctx.user, meta: ctx.meta },
        { action: "tenant.create", tenantId: id, targetType: "tenant", targetId: tenant.slug, targetName: tenant.name },
      );
      return toTenantDto(tenant, "owner");
    } catch (err) {
      if (isUniqueViolation(err, "tenants_slug_key")) {
        throw appError("CONFLICT", "slug_taken", `The slug "${input.slug}" is taken; choose another`, [
          { path: "slug", message: "This slug is taken" },
        ]);
      }
      throw err;
    }
  });
