import type { Database } from "@aspen/db";
import { findDeviceCredentialsByIds, type DeviceCredentials } from "@aspen/db/broker";
import type { Aedes, Client } from "aedes";
import type { Logger } from "pino";
import { localClients } from "../aedes-adapter";
import type { CredentialStore } from "../auth/credential-store";
import { sessionOf, type DeviceSession } from "../session";

/** Why a connected device may not stay connected any more, or null when it may. */
export function revocationReason(s: Pick<DeviceSession, "deviceId" | "secretHash">, now: DeviceCredentials | undefined): string | null {
  if (!now || now.deviceId !== s.deviceId) return "credentials revoked (deleted)";
  if (now.tenantStatus !== "active") return "tenant suspended";
  if (!now.enabled) return "credentials revoked (disabled)";
  if (now.secretHash !== s.secretHash) return "credentials revoked (secret rotated)";
  return null;
}

export interface Recheck {
  /** One pass over every connected device (also run by the timer). */
  run(): Promise<number>;
  stop(): void;
}

/**
 * Every `intervalMs`, the state of every device connected to this broker is read again from
 * Postgres (500 per query): one that was deleted, disabled, had its secret rotated or whose tenant
 * was suspended is disconnected. Revocations normally arrive at once over Redis pub/sub
 * (control.ts); this bounds what a lost message costs to one interval.
 */
export function startRecheck(deps: {
  broker: Aedes;
  db: Database;
  credentials: CredentialStore;
  log: Logger;
  intervalMs: number;
  onClosed?: (n: number) => void;
}): Recheck {
  const { broker, db, log } = deps;
  let running = false;

  async function run(): Promise<number> {
    if (running) return 0;
    running = true;
    let closed = 0;
    try {
      const connected: [Client, DeviceSession][] = [];
      for (const c of localClients(broker)) {
        const s = sessionOf(c);
        if (s && !c.closed) connected.push([c, s]);
      }
      for (let i = 0; i < connected.length; i += 500) {
        const chunk = connected.slice(i, i + 500);
        const found = await findDeviceCredentialsByIds(
          db,
          chunk.map(([, s]) => s.deviceId),
        );
        for (let k = 0; k < chunk.length; k++) {
          const [client, s] = chunk[k]!;
          const reason = revocationReason(s, found[k]);
          if (!reason || client.closed) continue;
          s.closeReason = reason;
          log.info({ deviceId: s.deviceId, reason }, "closing the device's connection (periodic re-check)");
          await deps.credentials.forgetDevice(s.deviceId).catch(() => {});
          client.close();
          closed++;
        }
      }
    } catch (err) {
      log.error({ err }, "re-check of connected devices failed");
    } finally {
      running = false;
    }
    if (closed > 0) deps.onClosed?.(closed);
    return closed;
  }

  const timer = setInterval(() => void run(), deps.intervalMs);
  timer.unref();
  return { run, stop: () => clearInterval(timer) };
}
