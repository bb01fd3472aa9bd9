// Preloaded into bench brokers (with --expose-gc): SIGUSR2 runs a full GC, so that resident memory is
// measured for live objects, not for garbage V8 has not collected yet.
process.on("SIGUSR2", () => {
  (globalThis as { gc?: () => void }).gc?.();
});
