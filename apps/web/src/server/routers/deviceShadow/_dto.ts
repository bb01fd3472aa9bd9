import { isDeepStrictEqual } from "node:util";

/** A shadow for the console: `delta` lists desired keys the device has not reported back (yet). */
export function toShadowDto(s: { reported: Record<string, unknown>; desired: Record<string, unknown>; version: number }) {
  const delta = Object.keys(s.desired)
    .filter((k) => !isDeepStrictEqual(s.desired[k], s.reported[k]))
    .sort();
  return { reported: s.reported, desired: s.desired, version: s.version, delta };
}
