import { unreadNotificationCount, unreadNotificationCountOutput } from "../../services/notification/unreadCount";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Unread notifications of the member. */
export const unreadCount = tenantProcedure
  .use(requirePermission("tenant.read"))
  .output(unreadNotificationCountOutput)
  .query(({ ctx }) => unreadNotificationCount(ctx.scope, {}));
