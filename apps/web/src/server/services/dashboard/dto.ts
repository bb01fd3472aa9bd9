import { dashboardLayoutSchema } from "@aspen/core";
import type { DashboardRow } from "@aspen/db";
import { z } from "zod";
import { publicId } from "../../public-ids";

export const dashboardSchema = z.object({
  id: z.string(),
  name: z.string(),
  layout: dashboardLayoutSchema,
  /** Grows by one per save: pass it back to `update` so that a stale copy cannot overwrite a newer one. */
  version: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type DashboardDto = z.infer<typeof dashboardSchema>;

export function toDashboardDto(row: DashboardRow): DashboardDto {
  return {
    id: publicId("dsh", row.id),
    name: row.name,
    // Rows were validated on write; parsing again fills defaults a later schema version added.
    layout: dashboardLayoutSchema.parse(row.layout),
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export const dashboardNameInput = z.string().trim().min(1, "Give the dashboard a name").max(80);
