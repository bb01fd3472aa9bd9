/** One bucket (or raw value) of a history series; `avg` null marks an empty bucket, drawn as a gap. */
export interface HistoryPoint {
  ts: number;
  avg: number | null;
  min?: number | null;
  max?: number | null;
  /** The bucket is still filling (the range ends inside it). */
  partial?: boolean;
}

export interface HistorySeries {
  key: string;
  label?: string;
  unit?: string | null;
  color?: string;
  points: readonly HistoryPoint[];
}

export type HistoryRow = Record<string, number | null | [number, number]> & { ts: number };

/** Column names of one series in the chart rows. */
export const historyColumns = (key: string) => ({ line: key, band: `${key}__band`, partial: `${key}__partial` });

/**
 * recharts rows (one per x value, a column per series): the complete line (`null` at empty and partial
 * buckets, so gaps stay gaps), the min–max band, and a partial column holding the last complete value and
 * the partial one, so the still-filling bucket is drawn as a separate dashed segment.
 */
export function historyRows(series: readonly HistorySeries[]): HistoryRow[] {
  const rows = new Map<number, HistoryRow>();
  const row = (ts: number) => {
    let r = rows.get(ts);
    if (!r) {
      r = { ts };
      rows.set(ts, r);
    }
    return r;
  };
  for (const s of series) {
    const c = historyColumns(s.key);
    let lastComplete: HistoryPoint | undefined;
    for (const p of s.points) {
      const r = row(p.ts);
      if (p.partial) {
        r[c.line] = null;
        r[c.partial] = p.avg;
        if (lastComplete && lastComplete.avg !== null) row(lastComplete.ts)[c.partial] = lastComplete.avg;
      } else {
        r[c.line] = p.avg;
        lastComplete = p;
      }
      if (p.min != null && p.max != null && p.avg !== null && p.min !== p.max) r[c.band] = [p.min, p.max];
    }
  }
  return [...rows.values()].sort((a, b) => a.ts - b.ts);
}

/** The ordered [from, to] of a drag between two x values, or null when it is too small to zoom into. */
export function zoomRange(a: number | undefined, b: number | undefined, minMs = 1000): [number, number] | null {
  if (a === undefined || b === undefined) return null;
  const from = Math.min(a, b);
  const to = Math.max(a, b);
  return to - from < minMs ? null : [from, to];
}
