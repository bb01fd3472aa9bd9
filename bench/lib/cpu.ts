import { readFileSync } from "node:fs";
import postgres from "postgres";

// CPU time is less noisy than throughput on a shared machine: it says what one message costs the
// broker and what one row costs Postgres, whatever else was competing for the cores.

/** User + system CPU seconds a process has used (Linux /proc; 0 once it is gone). */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return 0;
  }
}

/** Samples the CPU of a process and of the Postgres backends serving one application name. */
export function cpuMeter(databaseUrl: string, pid: number, applicationName: string) {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const backends = async () =>
    (await sql<{ pid: number }[]>`select pid from pg_stat_activity where application_name = ${applicationName}`).map((r) => r.pid);
  const sample = async () => {
    const pids = await backends();
    return { process: cpuSeconds(pid), backends: new Map(pids.map((p) => [p, cpuSeconds(p)])) };
  };
  type Sample = Awaited<ReturnType<typeof sample>>;
  return {
    sample,
    /** CPU seconds used between two samples: by the process, and by the backends (new ones from 0). */
    between(a: Sample, b: Sample) {
      let pg = 0;
      for (const [p, s] of b.backends) pg += s - (a.backends.get(p) ?? 0);
      return { process: b.process - a.process, postgres: pg };
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
