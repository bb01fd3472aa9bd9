// Preloaded into bench brokers (with --expose-gc). SIGUSR2 runs a full GC, so that resident memory is
// measured for live objects, not for garbage V8 has not collected yet, and prints the process's
// memory (MB); then a compacting GC (what V8's memory reducer does by itself after some idle
// seconds: it moves objects out of fragmented pages and shrinks the young generation), and prints
// it again. Lines: `MEM {"kind":"gc"|"compacted","rss":…,"heapTotal":…,"heapUsed":…,…}`.
import v8 from "node:v8";

type Gc = () => void;
const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
const print = (kind: string) => {
  const m = process.memoryUsage();
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, [mb(s.space_size), mb(s.space_used_size)]]));
  console.log(
    `MEM ${JSON.stringify({ kind, rss: mb(m.rss), heapTotal: mb(m.heapTotal), heapUsed: mb(m.heapUsed), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers), spaces })}`,
  );
};

process.on("SIGUSR2", () => {
  const gc = (globalThis as { gc?: Gc }).gc;
  if (!gc) return;
  gc();
  // V8 unmaps freed pages on a background thread: give it a moment before reading RSS.
  setTimeout(() => {
    print("gc");
    // (Node 20's V8 has no gc({ flavor: "last-resort" }); this flag makes the next full GC compact every page.)
    v8.setFlagsFromString("--compact-on-every-full-gc");
    gc();
    v8.setFlagsFromString("--no-compact-on-every-full-gc");
    setTimeout(() => print("compacted"), 300);
  }, 300);
});
