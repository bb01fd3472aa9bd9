import { listAudit } from "@aspen/db";
import { z } from "zod";
import { mapPage, pageInput } from "../../pagination";
import { requirePermission, tenantProcedure } from "../../trpc";

/** The tenant's audit log, newest first: who did what, when, from where. */
export const list = tenantProcedure
  .use(requirePermission("audit.read"))
  .input(
    z.object({
      action: z.string().trim().max(64).optional(),
      actorEmail: z.string().trim().max(320).optional(),
      from: z.coerce.date().optional(),
      to: z.coerce.date().optional(),
      ...pageInput,
    }),
  )
  .query(async ({ ctx, input }) => {
    const page = await ctx.withTenant((tx) => listAudit(tx, ctx.tenant.id, input));
    return mapPage(page, (a) => ({
      id: a.id,
      action: a.action,
      actorEmail: a.actorEmail,
      targetType: a.targetType,
      targetId: a.targetId,
      targetName: a.targetName,
      ip: a.ip,
      userAgent: a.userAgent,
      details: a.details,
      createdAt: a.createdAt,
    }));
  });
