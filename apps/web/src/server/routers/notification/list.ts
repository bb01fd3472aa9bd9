import { listNotifications, listNotificationsInput, listNotificationsOutput } from "../../services/notification/list";
import { requirePermission, tenantProcedure } from "../../trpc";

/** The member's notifications. */
export const list = tenantProcedure
  .use(requirePermission("tenant.read"))
  .input(listNotificationsInput)
  .output(listNotificationsOutput)
  .query(({ ctx, input }) => listNotifications(ctx.scope, input));
