/** Reads a few Prometheus values from a broker's /metrics. */
export async function scrape(httpPort: number): Promise<Record<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${httpPort}/metrics`)).text();
  const out: Record<string, number> = {};
  for (const line of text.split("\n")) {
    if (line.startsWith("#") || !line) continue;
    const [name, value] = line.split(" ");
    if (name && value) out[name] = Number(value);
  }
  return out;
}

/** Mean batch size and write time between two scrapes. */
export function batchStats(before: Record<string, number>, after: Record<string, number>) {
  const d = (k: string) => (after[k] ?? 0) - (before[k] ?? 0);
  const batches = d("aspen_broker_batch_rows_count");
  return {
    batches,
    meanRows: batches ? Math.round(d("aspen_broker_batch_rows_sum") / batches) : 0,
    meanWriteMs: batches ? Math.round((d("aspen_broker_batch_write_seconds_sum") / batches) * 10_000) / 10 : 0,
  };
}
