import { listAudit, listAuditInput, listAuditOutput } from "../../services/audit/list";
import { requirePermission, tenantProcedure } from "../../trpc";

/** The tenant's audit log, newest first: who did what, when, from where. */
export const list = tenantProcedure
  .use(requirePermission("audit.read"))
  .input(listAuditInput)
  .output(listAuditOutput)
  .query(({ ctx, input }) => listAudit(ctx.scope, input));
