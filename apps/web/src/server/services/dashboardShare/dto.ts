import type { DashboardShareRow } from "@aspen/db";
import { z } from "zod";
import { publicId } from "../../public-ids";

export const dashboardShareSchema = z.object({
  id: z.string(),
  dashboardId: z.string(),
  /** `abcd…wxyz` of the token, to tell links apart; the token itself is shown once. */
  tokenHint: z.string(),
  revokedAt: z.date().nullable(),
  lastUsedAt: z.date().nullable(),
  createdAt: z.date(),
});

export function toDashboardShareDto(row: DashboardShareRow): z.infer<typeof dashboardShareSchema> {
  return {
    id: publicId("shr", row.id),
    dashboardId: publicId("dsh", row.dashboardId),
    tokenHint: row.tokenHint,
    revokedAt: row.revokedAt,
    lastUsedAt: row.lastUsedAt,
    createdAt: row.createdAt,
  };
}

/** A share token as pasted from a link: 43 base64url characters. */
export const shareTokenInput = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "Not a share link");
