import type { Client, ConnectPacket } from "aedes";
import { connectionInfo, setConnectionInfo } from "../session";

/**
 * Keeps the client id exactly as sent (aedes replaces an empty one before `authenticate` runs), and
 * the packet, whose credentials `authenticate` drops once checked.
 */
export function createPreConnect() {
  return (client: Client, packet: ConnectPacket, done: (err: Error | null, ok: boolean) => void) => {
    const info = connectionInfo(client.conn) ?? { protocol: "mqtt" as const, ip: null };
    info.clientId = packet.clientId ?? "";
    info.packet = packet;
    setConnectionInfo(client.conn, info);
    done(null, true);
  };
}
