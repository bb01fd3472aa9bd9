import { isDeepStrictEqual } from "node:util";
import { z } from "zod";

/** A device shadow: reported attributes (from the device), desired ones (from the cloud), version. */
export const shadowSchema = z.object({
  reported: z.record(z.string(), z.unknown()),
  desired: z.record(z.string(), z.unknown()),
  version: z.number().int(),
  /** Desired keys the device has not reported back (yet), sorted. */
  delta: z.array(z.string()),
});
export type ShadowDto = z.infer<typeof shadowSchema>;

export function toShadowDto(s: { reported: Record<string, unknown>; desired: Record<string, unknown>; version: number }): ShadowDto {
  const delta = Object.keys(s.desired)
    .filter((k) => !isDeepStrictEqual(s.desired[k], s.reported[k]))
    .sort();
  return { reported: s.reported, desired: s.desired, version: s.version, delta };
}
