import { parseDeviceTopic, parseInternalTopic, type DeviceTopicKind } from "@aspen/core";
import type { AedesPublishPacket, Client } from "aedes";
import { sessionOf } from "../session";

const downward = new Set<DeviceTopicKind>(["attributes", "attributesResponse", "rpcRequest"]);

/**
 * Maps internal topics back to what the device knows (`t/<tenant>/d/<device>/rpc/request/7` →
 * `v1/devices/me/rpc/request/7`) and drops anything not addressed to this very device. A packet
 * already in device form comes from this device's own stored session queue and goes out as is.
 */
export function createAuthorizeForward() {
  return (client: Client, packet: AedesPublishPacket): AedesPublishPacket | null => {
    const session = sessionOf(client);
    if (!session) return null;
    const internal = parseInternalTopic(packet.topic);
    if (internal) {
      if (internal.tenantId !== session.tenantId || internal.deviceId !== session.deviceId) return null;
      packet.topic = internal.deviceTopic;
      return packet;
    }
    const t = parseDeviceTopic(packet.topic);
    return t && downward.has(t.kind) ? packet : null;
  };
}
