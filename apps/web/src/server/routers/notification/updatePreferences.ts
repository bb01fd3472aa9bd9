import {
  updateNotificationPreferences,
  updateNotificationPreferencesInput,
  updateNotificationPreferencesOutput,
} from "../../services/notification/updatePreferences";
import { requirePermission, tenantProcedure } from "../../trpc";

/** Saves the member's notification preferences. */
export const updatePreferences = tenantProcedure
  .use(requirePermission("tenant.read"))
  .input(updateNotificationPreferencesInput)
  .output(updateNotificationPreferencesOutput)
  .mutation(({ ctx, input }) => updateNotificationPreferences(ctx.scope, input));
