import { z } from "zod";
import { identifierSchema } from "../thing-model/identifier";

/**
 * A dashboard's layout: widgets on a 12-column grid. One schema for the console (which edits it),
 * the services (which store it) and the shared view (which renders it). Devices are named by their
 * public ids (`dev_…`), keys by thing-model property identifiers.
 */
export const dashboardColumns = 12;
/** Most widgets on one dashboard (each one costs a query when the dashboard loads). */
export const maxWidgets = 24;
/** Most series one chart widget draws (the history service takes 20 per request). */
export const maxChartSeries = 8;

export const dashboardRanges = ["r15m", "r1h", "r6h", "r24h", "r7d"] as const;
export type DashboardRange = (typeof dashboardRanges)[number];

const deviceRef = z.string().regex(/^dev_[1-9A-HJ-NP-Za-km-z]{1,30}$/, "Not a device id (expected dev_…)");
const seriesRef = z.object({ deviceId: deviceRef, key: identifierSchema });

const place = {
  id: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, "Widget ids are 1–32 letters, digits, _ or -"),
  title: z.string().trim().max(80).default(""),
  x: z
    .number()
    .int()
    .min(0)
    .max(dashboardColumns - 1),
  y: z.number().int().min(0).max(1000),
  w: z.number().int().min(1).max(dashboardColumns),
  h: z.number().int().min(1).max(20),
};

export const widgetSchema = z.discriminatedUnion("kind", [
  z.object({
    ...place,
    kind: z.literal("chart"),
    series: z.array(seriesRef).min(1).max(maxChartSeries),
    range: z.enum(dashboardRanges).default("r1h"),
  }),
  z.object({ ...place, kind: z.literal("value"), ...seriesRef.shape }),
  z.object({
    ...place,
    kind: z.literal("gauge"),
    ...seriesRef.shape,
    min: z.number().finite().default(0),
    max: z.number().finite().default(100),
  }),
  z.object({ ...place, kind: z.literal("state"), ...seriesRef.shape }),
  z.object({ ...place, kind: z.literal("status") }),
  z.object({ ...place, kind: z.literal("alarms"), limit: z.number().int().min(1).max(50).default(10) }),
  z.object({
    ...place,
    kind: z.literal("command"),
    deviceId: deviceRef,
    method: identifierSchema,
    params: z.record(z.string(), z.union([z.number(), z.boolean(), z.string().max(500)])).default({}),
  }),
]);
export type Widget = z.output<typeof widgetSchema>;
export type WidgetInput = z.input<typeof widgetSchema>;
export type WidgetKind = Widget["kind"];
export const widgetKinds = ["chart", "value", "gauge", "state", "status", "alarms", "command"] as const satisfies readonly WidgetKind[];

export const dashboardLayoutSchema = z
  .object({ widgets: z.array(widgetSchema).max(maxWidgets, `A dashboard holds at most ${maxWidgets} widgets`) })
  .superRefine((layout, ctx) => {
    const seen = new Set<string>();
    layout.widgets.forEach((w, i) => {
      if (seen.has(w.id)) ctx.addIssue({ code: "custom", path: ["widgets", i, "id"], message: `Widget id ${w.id} is used twice` });
      seen.add(w.id);
      if (w.x + w.w > dashboardColumns) {
        ctx.addIssue({ code: "custom", path: ["widgets", i, "w"], message: `Widget ${w.id} reaches past column ${dashboardColumns}` });
      }
      if (w.kind === "gauge" && !(w.min < w.max)) {
        ctx.addIssue({ code: "custom", path: ["widgets", i, "max"], message: "A gauge's max must be above its min" });
      }
    });
  });
export type DashboardLayout = z.output<typeof dashboardLayoutSchema>;

/** The devices a layout names (each once), for loading their data and filtering live updates. */
export function layoutDeviceIds(layout: DashboardLayout): string[] {
  const ids = new Set<string>();
  for (const w of layout.widgets) {
    if (w.kind === "chart") for (const s of w.series) ids.add(s.deviceId);
    else if ("deviceId" in w) ids.add(w.deviceId);
  }
  return [...ids];
}

/**
 * The series a layout reads (device → its keys): what a read-only shared view may receive live.
 * Command widgets read nothing (the shared view leaves them out); status and alarm widgets count
 * over these devices.
 */
export function layoutSeriesKeys(layout: DashboardLayout): Map<string, Set<string>> {
  const keys = new Map<string, Set<string>>();
  const add = (deviceId: string, key: string) => {
    let set = keys.get(deviceId);
    if (!set) keys.set(deviceId, (set = new Set()));
    set.add(key);
  };
  for (const w of layout.widgets) {
    if (w.kind === "chart") for (const s of w.series) add(s.deviceId, s.key);
    else if (w.kind === "value" || w.kind === "gauge" || w.kind === "state") add(w.deviceId, w.key);
  }
  return keys;
}

/** Widgets in reading order (top to bottom, then left to right): the one-column order on phones. */
export function stackOrder<W extends { x: number; y: number }>(widgets: readonly W[]): W[] {
  return [...widgets].sort((a, b) => a.y - b.y || a.x - b.x);
}

/** The first free row below every widget: where a new widget goes. */
export function nextRow(widgets: readonly { y: number; h: number }[]): number {
  return widgets.reduce((row, w) => Math.max(row, w.y + w.h), 0);
}

const rangeMs: Record<DashboardRange, number> = {
  r15m: 15 * 60_000,
  r1h: 3_600_000,
  r6h: 6 * 3_600_000,
  r24h: 86_400_000,
  r7d: 7 * 86_400_000,
};

/**
 * A chart widget's [from, to) ending now, `to` rounded up (10 s up to an hour, a minute beyond) so
 * that refreshes within that step ask the same question.
 */
export function dashboardRangeWindow(range: DashboardRange, now: number): { from: number; to: number } {
  const span = rangeMs[range];
  const step = span <= 3_600_000 ? 10_000 : 60_000;
  const to = Math.floor(now / step) * step + step;
  return { from: to - span, to };
}
