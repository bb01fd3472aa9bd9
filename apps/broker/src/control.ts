import { commandMessage, deviceDesiredMessage, deviceRevokedMessage, productChangedMessage, tenantChangedMessage } from "@aspen/core";
import type { Database } from "@aspen/db";
import { findTenantStatus } from "@aspen/db/broker";
import type { Aedes } from "aedes";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { z } from "zod";
import type { CredentialStore } from "./auth/credential-store";
import type { Commands } from "./commands/commands";
import type { ThingModels } from "./ingest/thing-models";
import type { RedisKeys } from "./keys";
import { localClient, localClients, sessionOf } from "./session";
import type { Shadow } from "./state/shadow";

/**
 * Listens to what the web app publishes (packages/core `channels`): revocations close the device's
 * live connection and drop its cached credentials; product changes recompile validators; desired
 * attribute changes and new commands go to the device.
 */
export async function subscribeControl(deps: {
  subscriber: Redis;
  keys: RedisKeys;
  broker: Aedes;
  db: Database;
  credentials: CredentialStore;
  models: ThingModels;
  shadow: Shadow;
  commands: Commands;
  log: Logger;
}): Promise<void> {
  const { subscriber, keys, broker, log } = deps;
  const ch = keys.channels;

  const close = (deviceId: string, reason: string) => {
    const client = localClient(broker, deviceId);
    const s = sessionOf(client);
    if (!client || !s) return;
    s.closeReason = reason;
    log.info({ deviceId, reason }, "closing the device's connection");
    client.close();
  };

  const handlers: Record<string, { schema: z.ZodType; run(msg: never): Promise<void> }> = {
    [ch.deviceRevoked]: {
      schema: deviceRevokedMessage,
      async run(m: z.infer<typeof deviceRevokedMessage>) {
        await deps.credentials.forgetDevice(m.deviceId);
        close(m.deviceId, `credentials revoked (${m.reason.replace("_", " ")})`);
      },
    },
    [ch.tenantChanged]: {
      schema: tenantChangedMessage,
      async run(m: z.infer<typeof tenantChangedMessage>) {
        await deps.credentials.forgetTenant(m.tenantId);
        const status = await findTenantStatus(deps.db, m.tenantId);
        if (status === "active") return;
        for (const client of localClients(broker)) {
          const s = sessionOf(client);
          if (s?.tenantId === m.tenantId) close(s.deviceId, status ? "tenant suspended" : "tenant deleted");
        }
      },
    },
    [ch.productChanged]: {
      schema: productChangedMessage,
      async run(m: z.infer<typeof productChangedMessage>) {
        deps.models.invalidate(m.productId);
      },
    },
    [ch.deviceDesired]: {
      schema: deviceDesiredMessage,
      run: (m: z.infer<typeof deviceDesiredMessage>) => deps.shadow.onDesiredChanged(m.tenantId, m.deviceId),
    },
    [ch.command]: {
      schema: commandMessage,
      run: (m: z.infer<typeof commandMessage>) => deps.commands.onCreated(m.commandId),
    },
  };

  subscriber.on("message", (channel: string, raw: string) => {
    const handler = handlers[channel];
    if (!handler) return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return log.warn({ channel }, "ignored a control message that is not JSON");
    }
    const parsed = handler.schema.safeParse(json);
    if (!parsed.success) return log.warn({ channel, issues: parsed.error.issues.slice(0, 3) }, "ignored an invalid control message");
    handler.run(parsed.data as never).catch((err: unknown) => log.error({ err, channel }, "control message failed"));
  });
  await subscriber.subscribe(...Object.keys(handlers));
}
