import type { Database } from "@aspen/db";
import { telemetry } from "@aspen/db/schema";
import { and, eq, gte } from "drizzle-orm";
import mqtt, { type MqttClient } from "mqtt";

/** What one simulated device needs to connect. */
export interface FleetDevice {
  id: string;
  username: string;
  secret: string;
}

export interface Qos1Fleet {
  /** Per device, the sequence numbers whose PUBACK arrived (message n has `ts = base + n`). */
  acked: Map<string, Set<number>>;
  /** When each PUBACK arrived (ms since the epoch), in order. */
  ackTimes: number[];
  /** Messages sent (acknowledged or not). */
  sent(): number;
  ackedTotal(): number;
  /** Connections that closed under the devices (refused, dropped, timed out): each device then connects again. */
  closes(): number;
  /** Connection attempts refused or failed. */
  refusals(): number;
  /** Stops publishing and closes every connection (unacknowledged messages stay unacknowledged). */
  stop(): Promise<void>;
  /** Per device, the acknowledged sequence numbers that are not in `telemetry` (should be none). */
  missing(db: Database): Promise<Map<string, number[]>>;
  base: number;
}

export interface Qos1FleetOptions {
  url: string | (() => string);
  devices: FleetDevice[];
  /** Messages per second per device (default 50). */
  ratePerDevice?: number;
  /** QoS 1 messages in flight per device (default 10). */
  window?: number;
  /** Wait before a device connects again after its connection closed (default 300 ms). */
  reconnectMs?: number;
  keepaliveSeconds?: number;
}

const topic = "v1/devices/me/telemetry";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Simulated devices (real mqtt.js clients over TCP, MQTT 3.1.1) publishing QoS 1 telemetry at a bounded
 * rate with a bounded window, each message numbered so that a test can check that every acknowledged one
 * is in Postgres. A device whose connection closes connects again and goes on with new numbers; what was
 * in flight on the old connection counts as unacknowledged.
 */
export function startQos1Fleet(o: Qos1FleetOptions): Qos1Fleet {
  const base = Date.now() - 30 * 60_000;
  const rate = o.ratePerDevice ?? 50;
  const window = o.window ?? 10;
  const acked = new Map<string, Set<number>>();
  const ackTimes: number[] = [];
  let sent = 0;
  let closes = 0;
  let refusals = 0;
  let stopping = false;
  const clients = new Set<MqttClient>();
  const url = typeof o.url === "string" ? () => o.url as string : o.url;

  async function connect(d: FleetDevice): Promise<MqttClient | null> {
    const c = mqtt.connect(url(), {
      protocolVersion: 4,
      reconnectPeriod: 0,
      connectTimeout: 5000,
      keepalive: o.keepaliveSeconds ?? 30,
      username: d.username,
      password: d.secret,
    });
    clients.add(c);
    const ok = await new Promise<boolean>((resolve) => {
      c.once("connect", () => resolve(true));
      c.once("error", () => resolve(false));
      c.once("close", () => resolve(false));
    });
    if (!ok) {
      refusals++;
      c.end(true);
      clients.delete(c);
      return null;
    }
    return c;
  }

  async function device(d: FleetDevice) {
    const set = new Set<number>();
    acked.set(d.id, set);
    let n = 0;
    const gap = 1000 / rate;
    while (!stopping) {
      const c = await connect(d);
      if (!c) {
        await sleep(o.reconnectMs ?? 300);
        continue;
      }
      let inflight = 0;
      let wake: (() => void) | null = null;
      const closed = new Promise<void>((resolve) => c.once("close", () => resolve()));
      void closed.then(() => wake?.());
      let next = performance.now();
      while (!stopping && c.connected) {
        if (inflight >= window) {
          await Promise.race([new Promise<void>((r) => (wake = r)), closed]);
          wake = null;
          continue;
        }
        const seq = n++;
        inflight++;
        sent++;
        c.publish(topic, JSON.stringify({ ts: base + seq, values: { temperature: seq % 100 } }), { qos: 1 }, (err) => {
          inflight--;
          if (!err) {
            set.add(seq);
            ackTimes.push(Date.now());
          }
          wake?.();
        });
        next += gap;
        const wait = next - performance.now();
        if (wait > 0) await Promise.race([sleep(wait), closed]);
        else next = performance.now();
      }
      if (!stopping) closes++;
      c.end(true);
      clients.delete(c);
      if (!stopping) await sleep(o.reconnectMs ?? 300);
    }
  }

  const running = o.devices.map((d) => device(d));
  return {
    acked,
    ackTimes,
    base,
    sent: () => sent,
    ackedTotal: () => [...acked.values()].reduce((n, s) => n + s.size, 0),
    closes: () => closes,
    refusals: () => refusals,
    async stop() {
      stopping = true;
      for (const c of clients) c.end(true);
      await Promise.all(running);
    },
    async missing(db) {
      const out = new Map<string, number[]>();
      for (const [deviceId, set] of acked) {
        const rows = await db
          .select({ ts: telemetry.ts })
          .from(telemetry)
          .where(and(eq(telemetry.deviceId, deviceId), gte(telemetry.ts, new Date(base))));
        const stored = new Set(rows.map((r) => r.ts.getTime() - base));
        out.set(
          deviceId,
          [...set].filter((n) => !stored.has(n)),
        );
      }
      return out;
    },
  };
}

/** Acknowledgements that arrived between `from` and `to` (ms since the epoch). */
export const acksBetween = (fleet: Qos1Fleet, from: number, to: number) => fleet.ackTimes.filter((t) => t > from && t < to).length;
