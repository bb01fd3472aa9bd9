import { z } from "zod";

/** The plans a tenant can be on (billing sets them later; until then a platform operator does). */
export const planIds = ["free", "pro", "enterprise"] as const;
export type PlanId = (typeof planIds)[number];
export const planIdSchema = z.enum(planIds);

/** The plan every new tenant starts on. */
export const defaultPlanId: PlanId = "free";

/** What a plan grants. Only what is enforced today. */
export interface Plan {
  id: PlanId;
  /** REST API requests per minute, per API key and per OAuth grant. */
  apiRequestsPerMinute: number;
}

export const plans: Readonly<Record<PlanId, Plan>> = {
  free: { id: "free", apiRequestsPerMinute: 600 },
  pro: { id: "pro", apiRequestsPerMinute: 3_000 },
  enterprise: { id: "enterprise", apiRequestsPerMinute: 12_000 },
};

export function isPlanId(v: unknown): v is PlanId {
  return typeof v === "string" && (planIds as readonly string[]).includes(v);
}

/** The plan of a stored value; anything unknown reads as the default plan (never as a bigger one). */
export function planOf(id: string | null | undefined): Plan {
  return plans[isPlanId(id) ? id : defaultPlanId];
}

/**
 * An operator's override of the per-minute API limit: one number for every plan (`600`, the
 * API_RATE_PER_MINUTE of before plans), or per plan (`free:5,pro:20`; plans not named keep their own).
 */
export type ApiRateOverride = number | Partial<Record<PlanId, number>>;

const positiveInt = z.coerce.number().int().min(1).max(1_000_000_000);

/** Parses API_RATE_PER_MINUTE (`""` or absent: no override). Throws with a readable message when malformed. */
export const apiRateOverrideSchema = z
  .string()
  .trim()
  .optional()
  .transform((raw, ctx): ApiRateOverride | undefined => {
    if (!raw) return undefined;
    if (/^\d+$/.test(raw)) {
      const all = positiveInt.safeParse(raw);
      if (all.success) return all.data;
      ctx.addIssue({ code: "custom", message: "must be at least 1 (requests per minute)" });
      return z.NEVER;
    }
    const out: Partial<Record<PlanId, number>> = {};
    for (const part of raw.split(",")) {
      const [name, value, ...rest] = part.split(":").map((s) => s.trim());
      const limit = positiveInt.safeParse(value);
      if (!isPlanId(name) || !limit.success || rest.length > 0 || out[name] !== undefined) {
        ctx.addIssue({ code: "custom", message: `must be a number or plan:number pairs such as free:600,pro:3000 (bad part "${part}")` });
        return z.NEVER;
      }
      out[name] = limit.data;
    }
    return out;
  });

/** Requests per minute for a plan, after the operator's override. */
export function apiRequestsPerMinute(plan: PlanId, override?: ApiRateOverride): number {
  if (typeof override === "number") return override;
  return override?.[plan] ?? plans[plan].apiRequestsPerMinute;
}
