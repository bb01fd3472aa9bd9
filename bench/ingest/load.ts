import { type RawClient } from "../lib/raw-mqtt";
import { sleep } from "../lib/stats";

export interface LoadResult {
  acked: number;
  seconds: number;
  latenciesMs: number[];
}

export interface Publisher {
  client: RawClient;
  topic: string;
  /** Next message for this publisher. */
  payload(seq: number): Buffer;
}

/** Closed loop: each publisher keeps `window` QoS 1 messages in flight for `seconds`. */
export async function closedLoop(publishers: Publisher[], window: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let acked = 0;
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(
    publishers.map(async (p) => {
      let seq = 0;
      const lane = async () => {
        while (performance.now() < end && !p.client.closed) {
          const t0 = performance.now();
          await p.client.publish1(p.topic, p.payload(seq++));
          latencies.push(performance.now() - t0);
          acked++;
        }
      };
      await Promise.all(Array.from({ length: window }, lane));
    }),
  );
  return { acked, seconds: (performance.now() - start) / 1000, latenciesMs: latencies };
}

/** Open loop: `rate` QoS 1 messages per second spread over the publishers, for `seconds`; waits for the last acks. */
export async function openLoop(publishers: Publisher[], rate: number, seconds: number): Promise<LoadResult & { offered: number }> {
  const latencies: number[] = [];
  let acked = 0;
  let offered = 0;
  const seqs = publishers.map(() => 0);
  const tickMs = 10;
  const start = performance.now();
  const inflight: Promise<void>[] = [];
  let next = 0;
  while (performance.now() - start < seconds * 1000) {
    const due = Math.floor(((performance.now() - start) / 1000) * rate);
    while (offered < due) {
      const i = next++ % publishers.length;
      const p = publishers[i]!;
      const t0 = performance.now();
      offered++;
      inflight.push(
        p.client.publish1(p.topic, p.payload(seqs[i]!++)).then(() => {
          latencies.push(performance.now() - t0);
          acked++;
        }),
      );
    }
    await sleep(tickMs);
  }
  await Promise.race([Promise.all(inflight), sleep(30_000)]);
  return { acked, offered, seconds: (performance.now() - start) / 1000, latenciesMs: latencies };
}
