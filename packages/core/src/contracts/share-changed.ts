import { z } from "zod";

/**
 * Published on `redisKeys().shareChanged` when what a dashboard's share links show changed: a link
 * revoked, the dashboard edited or deleted. Every web instance re-checks its open share streams of
 * that dashboard at once (closing revoked ones, following an edited layout).
 */
export const shareChangedMessage = z.object({
  tenantId: z.uuid(),
  dashboardId: z.uuid(),
  reason: z.enum(["share_revoked", "dashboard_updated", "dashboard_deleted"]),
});
export type ShareChangedMessage = z.infer<typeof shareChangedMessage>;
