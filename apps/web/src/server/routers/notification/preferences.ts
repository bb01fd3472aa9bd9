import { notificationPreferences, notificationPreferencesInput, notificationPreferencesOutput } from "../../services/notification/preferences";
import { requirePermission, tenantProcedure } from "../../trpc";

/** The member's notification preferences. */
export const preferences = tenantProcedure
  .use(requirePermission("tenant.read"))
  .input(notificationPreferencesInput)
  .output(notificationPreferencesOutput)
  .query(({ ctx, input }) => notificationPreferences(ctx.scope, input));
