import mqtt, { type IClientOptions, type MqttClient } from "mqtt";
import { z } from "zod";
import { attributesResponsePrefix, rpcRequestPrefix, topics } from "./topics";
import { CommandError, type AnyModel, type CommandRequest, type DeviceModel, type TimedValues } from "./types";

export interface ConnectOptions {
  /** `mqtt://host:1883`, `mqtts://…`, `ws://host:8083`. */
  url: string;
  /** `<tenant-slug>/<device-name>` with `secret`, or only `secret` (used as an access token). */
  username?: string;
  secret: string;
  /** Any id; the broker binds the session to the device either way. Default: random. */
  clientId?: string;
  /** false keeps subscriptions and queued QoS 1 messages across reconnects (needs a clientId). */
  clean?: boolean;
  keepaliveSeconds?: number;
  /** ms between reconnect attempts; 0 disables reconnecting. Default 2000. */
  reconnectPeriod?: number;
  /** Extra mqtt.js options. */
  mqtt?: Partial<IClientOptions>;
}

type Qos = 0 | 1;

const commandPayload = z.object({ method: z.string(), params: z.record(z.string(), z.unknown()).optional() });
const attributesResponse = z.object({
  client: z.record(z.string(), z.unknown()).optional(),
  shared: z.record(z.string(), z.unknown()).optional(),
});

/** A connected device. Create with `connectDevice`. */
export class DeviceClient<M extends DeviceModel = AnyModel> {
  private readonly commandHandlers = new Map<string, (params: never, req: CommandRequest) => unknown>();
  private readonly desiredHandlers = new Set<(desired: Partial<M["properties"]>) => void>();
  private readonly pendingRequests = new Map<string, (v: { client: Record<string, unknown>; shared: Record<string, unknown> }) => void>();
  private nextRequestId = 1;
  private subscribed = new Set<string>();

  constructor(readonly mqtt: MqttClient) {
    mqtt.on("message", (topic, payload) => this.route(topic, payload));
  }

  /** Sends telemetry: values now, values at a time, or several points. */
  async sendTelemetry(
    data: Partial<M["properties"]> | TimedValues<M["properties"]> | TimedValues<M["properties"]>[],
    opts: { qos?: Qos } = {},
  ) {
    await this.mqtt.publishAsync(topics.telemetry, JSON.stringify(data), { qos: opts.qos ?? 1 });
  }

  /** Reports attributes (the device's side of the shadow). */
  async reportAttributes(values: Partial<M["properties"]>, opts: { qos?: Qos } = {}) {
    await this.mqtt.publishAsync(topics.attributes, JSON.stringify(values), { qos: opts.qos ?? 1 });
  }

  /** Sends a thing-model event; with `ts`, a redelivery is recognised and stored once. */
  async sendEvent<E extends keyof M["events"] & string>(event: E, params: M["events"][E], opts: { ts?: number; qos?: Qos } = {}) {
    const body = opts.ts === undefined ? params : { ts: opts.ts, params };
    await this.mqtt.publishAsync(topics.event(event), JSON.stringify(body), { qos: opts.qos ?? 1 });
  }

  /** Calls `handler` with desired attributes: once after subscribing (if any are set) and on every change. */
  async onDesired(handler: (desired: Partial<M["properties"]>) => void): Promise<() => void> {
    this.desiredHandlers.add(handler);
    await this.ensureSubscribed(topics.attributes);
    return () => this.desiredHandlers.delete(handler);
  }

  /**
   * Handles a command: the handler's return value is the reply; throwing (or returning `{error}`)
   * fails the command with that message.
   */
  async onCommand<K extends keyof M["commands"] & string>(
    method: K,
    handler: (
      params: M["commands"][K]["params"],
      request: CommandRequest<K>,
    ) => M["commands"][K]["result"] | Promise<M["commands"][K]["result"]>,
  ): Promise<void> {
    this.commandHandlers.set(method, handler as unknown as (params: never, req: CommandRequest) => unknown);
    await this.ensureSubscribed(topics.rpcRequest);
  }

  /** Asks for the current attribute values (all of them when no keys are given). */
  async requestAttributes(keys: { clientKeys?: string[]; sharedKeys?: string[] } = {}, timeoutMs = 5000) {
    await this.ensureSubscribed(topics.attributesResponse);
    const id = String(this.nextRequestId++);
    const body: Record<string, string> = {};
    if (keys.clientKeys) body.clientKeys = keys.clientKeys.join(",");
    if (keys.sharedKeys) body.sharedKeys = keys.sharedKeys.join(",");
    const answer = new Promise<{ client: Record<string, unknown>; shared: Record<string, unknown> }>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingRequests.delete(id);
        reject(new Error(`no attribute response within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pendingRequests.set(id, (v) => {
        clearTimeout(timer);
        resolve(v);
      });
    });
    await this.mqtt.publishAsync(topics.attributesRequest(id), JSON.stringify(body), { qos: 1 });
    return answer;
  }

  async close(): Promise<void> {
    await this.mqtt.endAsync();
  }

  private async ensureSubscribed(filter: string) {
    if (this.subscribed.has(filter)) return;
    this.subscribed.add(filter);
    try {
      await this.mqtt.subscribeAsync(filter, { qos: 1 });
    } catch (err) {
      this.subscribed.delete(filter);
      throw err;
    }
  }

  private route(topic: string, payload: Buffer) {
    let json: unknown;
    try {
      json = JSON.parse(payload.toString("utf8"));
    } catch {
      return;
    }
    if (topic === topics.attributes) {
      for (const h of this.desiredHandlers) h(json as Partial<M["properties"]>);
    } else if (topic.startsWith(rpcRequestPrefix)) {
      void this.answerCommand(topic.slice(rpcRequestPrefix.length), json);
    } else if (topic.startsWith(attributesResponsePrefix)) {
      const id = topic.slice(attributesResponsePrefix.length);
      const parsed = attributesResponse.safeParse(json);
      this.pendingRequests.get(id)?.({ client: parsed.data?.client ?? {}, shared: parsed.data?.shared ?? {} });
      this.pendingRequests.delete(id);
    }
  }

  private async answerCommand(requestId: string, json: unknown) {
    const parsed = commandPayload.safeParse(json);
    let reply: unknown;
    if (!parsed.success) {
      reply = { error: "malformed command" };
    } else {
      const handler = this.commandHandlers.get(parsed.data.method);
      if (!handler) {
        reply = { error: `unsupported command "${parsed.data.method}"` };
      } else {
        try {
          const req: CommandRequest = { requestId, method: parsed.data.method, params: parsed.data.params ?? {} };
          reply = (await handler(req.params as never, req)) ?? {};
        } catch (err) {
          reply = { error: err instanceof CommandError || err instanceof Error ? err.message : String(err) };
        }
      }
    }
    await this.mqtt.publishAsync(topics.rpcResponse(requestId), JSON.stringify(reply), { qos: 1 }).catch(() => {});
  }
}

/** Connects a device over MQTT 3.1.1 and resolves once the broker accepted it (rejects with the CONNACK reason otherwise). */
export async function connectDevice<M extends DeviceModel = AnyModel>(opts: ConnectOptions): Promise<DeviceClient<M>> {
  const client = mqtt.connect(opts.url, {
    protocolVersion: 4,
    username: opts.username ?? opts.secret,
    ...(opts.username ? { password: opts.secret } : {}),
    ...(opts.clientId ? { clientId: opts.clientId } : {}),
    clean: opts.clean ?? true,
    keepalive: opts.keepaliveSeconds ?? 30,
    reconnectPeriod: opts.reconnectPeriod ?? 2000,
    connectTimeout: 10_000,
    ...opts.mqtt,
  });
  await new Promise<void>((resolve, reject) => {
    const onError = (err: Error) => {
      client.end(true);
      reject(err);
    };
    client.once("connect", () => {
      client.off("error", onError);
      resolve();
    });
    client.once("error", onError);
  });
  return new DeviceClient<M>(client);
}
