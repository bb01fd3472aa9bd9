import { z } from "zod";

/**
 * Published on `redisKeys().planChanged` after a tenant's plan changed: every web instance drops the
 * plan it cached for that tenant, so the new REST limits apply everywhere at once.
 */
export const planChangedMessage = z.object({ tenantId: z.uuid() });
export type PlanChangedMessage = z.infer<typeof planChangedMessage>;
