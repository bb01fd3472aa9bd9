import { unreadNotificationCount, unreadNotificationCountInput, unreadNotificationCountOutput } from "../../services/notification/unreadCount";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Unread notifications of the member. */
export const unreadCount = tenantProcedure
  .use(requirePermission("tenant.read"))
  .input(unreadNotificationCountInput)
  .output(unreadNotificationCountOutput)
  .query(({ ctx, input }) => unreadNotificationCount(ctx.scope, input));
