import { markAllNotificationsRead, markAllNotificationsReadInput, markAllNotificationsReadOutput } from "../../services/notification/markAllRead";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Marks all notifications read. */
export const markAllRead = tenantProcedure
  .use(requirePermission("tenant.read"))
  .input(markAllNotificationsReadInput)
  .output(markAllNotificationsReadOutput)
  .mutation(({ ctx, input }) => markAllNotificationsRead(ctx.scope, input));
