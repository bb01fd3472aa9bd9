const minute = 60_000;
const tickSteps = [
  minute,
  5 * minute,
  10 * minute,
  15 * minute,
  30 * minute,
  60 * minute,
  180 * minute,
  360 * minute,
  720 * minute,
  1440 * minute,
];

/** Round-valued ticks (at most `max`) for a fixed time axis: recharts alone puts one at each end only. */
export function timeTicks([from, to]: readonly [number, number], max = 5): number[] {
  const span = to - from;
  if (!(span > 0)) return [];
  const step = tickSteps.find((s) => span / s <= max) ?? Math.ceil(span / max / minute) * minute;
  const ticks: number[] = [];
  for (let t = Math.ceil(from / step) * step; t <= to; t += step) ticks.push(t);
  return ticks;
}
