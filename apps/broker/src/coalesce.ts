/**
 * Turns a function of many inputs into a function of one: calls share one call of `runMany` (at
 * most `max` inputs each), whose result is aligned with its inputs. A call made while `inflight`
 * runs are under way waits for one to finish, so that a burst — a reconnect storm — becomes a few
 * large statements instead of one (of two round trips) per connection: on this machine every write
 * to a loopback socket cost the broker 20-40 us of CPU, and every statement Postgres a plan.
 */
export function coalesce<I, O>(
  runMany: (inputs: I[]) => Promise<O[]>,
  opts: { max?: number; inflight?: number } = {},
): (input: I) => Promise<O> {
  const max = opts.max ?? 500;
  const limit = opts.inflight ?? 1;
  const calls: { input: I; resolve(output: O): void; reject(err: unknown): void }[] = [];
  let running = 0;
  let scheduled = false;

  function flush() {
    scheduled = false;
    while (running < limit && calls.length > 0) {
      const chunk = calls.splice(0, max);
      running++;
      Promise.resolve()
        .then(() => runMany(chunk.map((c) => c.input)))
        .then(
          (outputs) => chunk.forEach((c, k) => c.resolve(outputs[k] as O)),
          (err: unknown) => chunk.forEach((c) => c.reject(err)),
        )
        .finally(() => {
          running--;
          flush();
        });
    }
  }

  return (input) =>
    new Promise<O>((resolve, reject) => {
      calls.push({ input, resolve, reject });
      // at the end of this event-loop turn, so that its calls go together
      if (!scheduled && running < limit) {
        scheduled = true;
        setImmediate(flush);
      }
    });
}
