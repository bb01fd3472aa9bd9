import { deviceTopicPrefix, formatDeviceTopic, internalTopic } from "@aspen/core";
import type { Database } from "@aspen/db";
import { findDeviceShadow } from "@aspen/db/broker";
import type { Aedes, Client } from "aedes";
import type { Logger } from "pino";
import type { Downlink } from "../downlink";
import { decodeAttributeRequest, pick } from "../ingest/decode";
import type { DevicePublisher } from "../ingest/pipeline";
import { subscriptionsOf } from "../aedes-adapter";
import { localClient, sessionOf } from "../session";

export interface Shadow {
  /** Pushes the desired attributes to a connection that subscribed to `v1/devices/me/attributes`. */
  pushDesired(client: Client): Promise<void>;
  /** The console changed desired attributes: push them if the device is connected here. */
  onDesiredChanged(tenantId: string, deviceId: string): Promise<void>;
  /** `v1/devices/me/attributes/request/<id>` → `.../attributes/response/<id>` `{"client":{…},"shared":{…}}`. */
  answerRequest(publisher: DevicePublisher, requestId: string, json: unknown): Promise<void>;
}

const attributesTopic = `${deviceTopicPrefix}attributes`;

/** Whether the connection subscribed to its desired attributes (the filter is stored in internal form). */
export function subscribedToDesired(client: Client): boolean {
  const session = sessionOf(client);
  if (!session) return false;
  const subs = subscriptionsOf(client);
  return Object.hasOwn(subs, internalTopic(session.tenantId, session.deviceId, attributesTopic));
}

export function createShadow(deps: { db: Database; broker: () => Aedes; downlink: Downlink; log: Logger }): Shadow {
  const { db, downlink, log } = deps;

  async function pushDesired(client: Client) {
    const session = sessionOf(client);
    if (!session || client.closed) return;
    const shadow = await findDeviceShadow(db, session.deviceId);
    if (!shadow || Object.keys(shadow.desired).length === 0) return;
    await downlink.send(client, session.tenantId, session.deviceId, attributesTopic, shadow.desired, 1);
    log.debug({ deviceId: session.deviceId, version: shadow.shadowVersion }, "desired attributes pushed");
  }

  return {
    pushDesired,
    async onDesiredChanged(tenantId, deviceId) {
      const client = localClient(deps.broker(), deviceId);
      const session = sessionOf(client);
      if (!client || !session || session.tenantId !== tenantId || !subscribedToDesired(client)) return;
      await pushDesired(client);
    },
    async answerRequest(p, requestId, json) {
      if (!p.client) return;
      const shadow = await findDeviceShadow(db, p.deviceId);
      const { clientKeys, sharedKeys } = decodeAttributeRequest(json);
      const body = {
        client: pick(shadow?.reported ?? {}, clientKeys),
        shared: pick(shadow?.desired ?? {}, sharedKeys),
      };
      await downlink.send(p.client, p.tenantId, p.deviceId, formatDeviceTopic({ kind: "attributesResponse", requestId }), body, 1);
    },
  };
}
