import { notificationPreferences, notificationPreferencesOutput } from "../../services/notification/preferences";
import { requirePermission, tenantProcedure } from "../../trpc";

/** The member's notification preferences. */
export const preferences = tenantProcedure
  .use(requirePermission("tenant.read"))
  .output(notificationPreferencesOutput)
  .query(({ ctx }) => notificationPreferences(ctx.scope, {}));
