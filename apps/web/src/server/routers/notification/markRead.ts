import { markNotificationsRead, markNotificationsReadInput, markNotificationsReadOutput } from "../../services/notification/markRead";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Marks notifications read. */
export const markRead = tenantProcedure
  .use(requirePermission("tenant.read"))
  .input(markNotificationsReadInput)
  .output(markNotificationsReadOutput)
  .mutation(({ ctx, input }) => markNotificationsRead(ctx.scope, input));
