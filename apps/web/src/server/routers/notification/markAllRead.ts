import { markAllNotificationsRead, markAllNotificationsReadOutput } from "../../services/notification/markAllRead";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Marks all notifications read. */
export const markAllRead = tenantProcedure
  .use(requirePermission("tenant.read"))
  .output(markAllNotificationsReadOutput)
  .mutation(({ ctx }) => markAllNotificationsRead(ctx.scope, {}));
