/**
 * Runs a keyed action at most once per `waitMs`: the first call runs at once, calls during the wait
 * collapse into one trailing run. Live updates at high rates thus cost one refetch per query and
 * interval, not one per message.
 */
export function keyedThrottle(waitMs: number, now: () => number = Date.now) {
  const state = new Map<string, { last: number; timer?: ReturnType<typeof setTimeout>; pending?: () => void }>();
  return {
    run(key: string, fn: () => void): void {
      const s = state.get(key) ?? { last: -Infinity };
      state.set(key, s);
      const elapsed = now() - s.last;
      if (elapsed >= waitMs && !s.timer) {
        s.last = now();
        fn();
        return;
      }
      s.pending = fn;
      s.timer ??= setTimeout(
        () => {
          s.timer = undefined;
          s.last = now();
          const pending = s.pending;
          s.pending = undefined;
          pending?.();
        },
        Math.max(0, waitMs - elapsed),
      );
    },
    cancel(): void {
      for (const s of state.values()) if (s.timer) clearTimeout(s.timer);
      state.clear();
    },
  };
}
