import mqtt, { type IClientOptions, type MqttClient } from "mqtt";

/** The CONNACK return code of a refused connection, or the connected client. */
export async function tryConnect(
  url: string,
  opts: IClientOptions,
): Promise<{ client: MqttClient; code: 0 } | { code: number; message: string }> {
  const client = mqtt.connect(url, { protocolVersion: 4, reconnectPeriod: 0, connectTimeout: 5000, ...opts });
  return new Promise((resolve) => {
    client.once("connect", () => resolve({ client, code: 0 }));
    client.once("error", (err: Error & { code?: number }) => {
      client.end(true);
      resolve({ code: typeof err.code === "number" ? err.code : -1, message: err.message });
    });
  });
}

/** Connects or throws. */
export async function connect(url: string, opts: IClientOptions): Promise<MqttClient> {
  const r = await tryConnect(url, opts);
  if (r.code !== 0 || !("client" in r)) throw new Error(`connect refused: ${JSON.stringify(r)}`);
  return r.client;
}

/** Waits for the next message on a topic (the device-facing name). */
export function nextMessage(client: MqttClient, topicPrefix: string, timeoutMs = 5000): Promise<{ topic: string; json: unknown }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off("message", onMessage);
      reject(new Error(`no message on ${topicPrefix} within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (topic: string, payload: Buffer) => {
      if (!topic.startsWith(topicPrefix)) return;
      clearTimeout(timer);
      client.off("message", onMessage);
      resolve({ topic, json: JSON.parse(payload.toString()) });
    };
    client.on("message", onMessage);
  });
}

/** Resolves when the client's connection closes (true) or after `ms` without closing (false). */
export function closedWithin(client: MqttClient, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (!client.connected) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    client.once("close", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export const waitFor = async <T>(fn: () => Promise<T | undefined | null | false>, timeoutMs = 5000, stepMs = 50): Promise<T> => {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, stepMs));
  }
};

/**
 * Speaks raw MQTT over TCP (for what mqtt.js refuses to send): writes `bytes`, then resolves with the
 * first packet the broker answers, or "closed" if it closes the socket first, or "timeout".
 */
export async function rawExchange(
  port: number,
  bytes: Buffer | Buffer[],
  timeoutMs = 5000,
): Promise<{ cmd: string; returnCode?: number } | "closed" | "timeout"> {
  const { connect: tcp } = await import("node:net");
  const mqttPacket = (await import("mqtt-packet")).default;
  return new Promise((resolve) => {
    const socket = tcp(port, "127.0.0.1");
    const parser = mqttPacket.parser({ protocolVersion: 4 });
    const timer = setTimeout(() => {
      socket.destroy();
      resolve("timeout");
    }, timeoutMs);
    parser.on("packet", (p: { cmd: string; returnCode?: number }) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(p);
    });
    socket.on("data", (d) => parser.parse(d));
    socket.on("error", () => {});
    socket.on("close", () => {
      clearTimeout(timer);
      resolve("closed");
    });
    socket.on("connect", () => {
      for (const b of Array.isArray(bytes) ? bytes : [bytes]) socket.write(b);
    });
  });
}
