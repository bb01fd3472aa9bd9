import postgres from "postgres";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { cpuSeconds } from "../lib/cpu";

/**
 * Raw Postgres COPY of the same kind of rows: the ceiling the broker's batched writes are compared
 * with. COPY FROM is refused on tables with row-level security (telemetry has it, forced), so the
 * rows go into a twin of telemetry — same columns and unique index, no RLS — dropped afterwards.
 */
export async function copyRows(
  databaseUrl: string,
  tenantId: string,
  deviceIds: string[],
  rows: number,
  baseTs: number,
): Promise<{ rows: number; seconds: number; postgresCpuSeconds: number }> {
  const sql = postgres(databaseUrl, {
    max: 1,
    connection: { "app.bypass_rls": "on", application_name: "aspen-bench-copy" },
    onnotice: () => {},
  });
  let i = 0;
  const source = new Readable({
    read() {
      let chunk = "";
      for (let k = 0; k < 1000 && i < rows; k++, i++) {
        const device = deviceIds[i % deviceIds.length]!;
        const seq = Math.floor(i / deviceIds.length);
        const key = seq % 2 === 0 ? "temperature" : "humidity";
        const ts = new Date(baseTs + Math.floor(seq / 2)).toISOString();
        chunk += `${tenantId}\t${device}\t${key}\t${ts}\t${(20 + (seq % 10) / 10).toFixed(1)}\t\\N\t\\N\n`;
      }
      this.push(chunk || null);
    },
  });
  const table = `bench_copy_${Date.now()}`;
  await sql.unsafe(`create table ${table} (like telemetry including defaults including indexes)`);
  try {
    // one connection (max: 1): the backend that runs the COPY
    const [backend] = await sql<{ pid: number }[]>`select pg_backend_pid() as pid`;
    const cpu0 = cpuSeconds(backend!.pid);
    const t0 = performance.now();
    const writable = await sql
      .unsafe(`copy ${table} (tenant_id, device_id, key, ts, value_num, value_bool, value_str) from stdin`)
      .writable();
    await pipeline(source, writable);
    const seconds = (performance.now() - t0) / 1000;
    return { rows, seconds, postgresCpuSeconds: cpuSeconds(backend!.pid) - cpu0 };
  } finally {
    await sql.unsafe(`drop table if exists ${table}`);
    await sql.end({ timeout: 5 });
  }
}

/** Telemetry rows stored for a tenant (what the broker wrote during the run). */
export async function countTelemetryRows(databaseUrl: string, tenantId: string): Promise<number> {
  const sql = postgres(databaseUrl, { max: 1, connection: { "app.bypass_rls": "on" }, onnotice: () => {} });
  try {
    const [row] = await sql<{ n: string }[]>`select count(*)::text as n from telemetry where tenant_id = ${tenantId}`;
    return Number(row?.n ?? 0);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
