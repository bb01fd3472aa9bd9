import mqttPacket from "mqtt-packet";
import { connect as tcp, type Socket } from "node:net";

/**
 * A minimal MQTT 3.1.1 publisher over a raw socket (mqtt-packet), so that the load generator costs
 * far less CPU than the broker it measures. QoS 1 publishes resolve on their PUBACK.
 */
export class RawClient {
  private parser = mqttPacket.parser({ protocolVersion: 4 });
  private pending = new Map<number, () => void>();
  private nextId = 1;
  readonly socket: Socket;
  closed = false;
  onMessage?: (topic: string, payload: Buffer) => void;

  private constructor(socket: Socket) {
    this.socket = socket;
    socket.setNoDelay(true);
    socket.on("data", (d) => this.parser.parse(d));
    socket.on("close", () => {
      this.closed = true;
    });
    socket.on("error", () => {});
    this.parser.on("packet", (p) => {
      if (p.cmd === "puback" && p.messageId !== undefined) {
        const done = this.pending.get(p.messageId);
        this.pending.delete(p.messageId);
        done?.();
      } else if (p.cmd === "publish") {
        this.onMessage?.(p.topic, p.payload as Buffer);
        if (p.qos === 1 && p.messageId !== undefined) socket.write(mqttPacket.generate({ cmd: "puback", messageId: p.messageId }));
      }
    });
  }

  static connect(port: number, opts: { username?: string; password?: string; clientId: string; keepalive?: number }): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = tcp(port, "127.0.0.1");
      const c = new RawClient(socket);
      const timer = setTimeout(() => reject(new Error("CONNACK timeout")), 30_000);
      c.parser.once("packet", (p) => {
        clearTimeout(timer);
        if (p.cmd === "connack" && p.returnCode === 0) resolve(c);
        else reject(new Error(`refused: ${JSON.stringify(p)}`));
      });
      socket.once("error", reject);
      socket.once("connect", () =>
        socket.write(
          mqttPacket.generate({
            cmd: "connect",
            protocolId: "MQTT",
            protocolVersion: 4,
            clean: true,
            clientId: opts.clientId,
            keepalive: opts.keepalive ?? 60,
            ...(opts.username ? { username: opts.username } : {}),
            ...(opts.password ? { password: Buffer.from(opts.password) } : {}),
          }),
        ),
      );
    });
  }

  /** QoS 0: returns whether the socket accepted it without buffering (false = back-pressure). */
  publish0(topic: string, payload: Buffer): boolean {
    return this.socket.write(mqttPacket.generate({ cmd: "publish", topic, payload, qos: 0, retain: false, dup: false }));
  }

  /** QoS 1: resolves on PUBACK. */
  publish1(topic: string, payload: Buffer): Promise<void> {
    const messageId = this.nextId;
    this.nextId = this.nextId === 65535 ? 1 : this.nextId + 1;
    return new Promise((resolve) => {
      this.pending.set(messageId, resolve);
      this.socket.write(mqttPacket.generate({ cmd: "publish", topic, payload, qos: 1, messageId, retain: false, dup: false }));
    });
  }

  subscribe(topic: string, qos: 0 | 1): void {
    this.socket.write(mqttPacket.generate({ cmd: "subscribe", messageId: 65535, subscriptions: [{ topic, qos }] }));
  }

  close(): void {
    this.socket.destroy();
  }
}
