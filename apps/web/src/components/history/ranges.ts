import { roundToPrecision } from "@aspen/core/browser";

/** The range presets of the history section, in ms. */
export const presets = {
  r15m: 15 * 60_000,
  r1h: 3_600_000,
  r6h: 6 * 3_600_000,
  r24h: 86_400_000,
  r7d: 7 * 86_400_000,
  r30d: 30 * 86_400_000,
  r90d: 90 * 86_400_000,
} as const;
export type Preset = keyof typeof presets;
export const presetKeys = Object.keys(presets) as Preset[];

/**
 * A preset's [from, to) ending now. `now` is rounded down (10 s up to an hour, a minute beyond) so that
 * a re-render does not make a new query; the last, still filling bucket is marked partial by the server.
 */
export function presetRange(preset: Preset, now: number): { from: number; to: number } {
  const step = presets[preset] <= 3_600_000 ? 10_000 : 60_000;
  const to = Math.floor(now / step) * step + step;
  return { from: to - presets[preset], to };
}

/** `<input type="datetime-local">` text of an instant, in the browser's time zone. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** The instant a datetime-local text names in the browser's time zone (NaN when incomplete). */
export function fromLocalInput(text: string): number {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text) ? new Date(text).getTime() : Number.NaN;
}

/** A bucket width for people: "30 s", "5 min", "3 h", "1 d". */
export function bucketLabel(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${seconds / 60} min`;
  if (seconds < 86_400) return `${seconds / 3600} h`;
  return `${seconds / 86_400} d`;
}

/** A value as a chart or table shows it: rounded to the property's precision, in the reader's language, with its unit. */
export function formatMeasurement(
  value: number | boolean | string | null,
  spec: { type: string; unit?: string | null },
  locale: string,
): string {
  if (value === null) return "—";
  if (typeof value !== "number") return String(value);
  const rounded = roundToPrecision(value, spec);
  const text = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(rounded);
  return spec.unit ? `${text} ${spec.unit}` : text;
}
