import type { Client, ConnectPacket } from "aedes";
import { connectionInfo, setConnectionInfo } from "../session";

/** Keeps the client id exactly as sent: aedes replaces an empty one before `authenticate` runs. */
export function createPreConnect() {
  return (client: Client, packet: ConnectPacket, done: (err: Error | null, ok: boolean) => void) => {
    const info = connectionInfo(client.conn) ?? { protocol: "mqtt" as const, ip: null };
    setConnectionInfo(client.conn, { ...info, clientId: packet.clientId ?? "" });
    done(null, true);
  };
}
