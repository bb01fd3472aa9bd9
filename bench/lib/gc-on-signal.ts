// Preloaded into bench brokers (with --expose-gc): SIGUSR2 runs a full GC, so that resident memory is
// measured for live objects, not for garbage V8 has not collected yet; then prints where memory is
// (MB), so that a bench can tell the JavaScript heap from native memory.
import v8 from "node:v8";

process.on("SIGUSR2", () => {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
  const spaces = Object.fromEntries(v8.getHeapSpaceStatistics().map((s) => [s.space_name, [mb(s.space_size), mb(s.space_used_size)]]));
  console.log(`MEM ${JSON.stringify({ rss: mb(m.rss), heapTotal: mb(m.heapTotal), heapUsed: mb(m.heapUsed), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers), spaces })}`);
});
