/**
 * Folds `values` into `into`, keeping per key the value measured last (on equal times, the one folded
 * in): how the latest values of a device are kept wherever they are gathered. Returns `into`.
 */
export function mergeNewest<V extends { ts: number }>(into: Record<string, V>, values: Readonly<Record<string, V>>): Record<string, V> {
  for (const key in values) {
    const v = values[key]!;
    const known = into[key];
    if (!known || v.ts >= known.ts) into[key] = v;
  }
  return into;
}
