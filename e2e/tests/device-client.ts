import type { APIRequestContext } from "@playwright/test";
import mqtt, { type MqttClient } from "mqtt";
import { mqttUrl } from "../stack";
import { trpcMutation } from "./support";

/** A product with something of every kind the device page shows: numbers with units, writable attributes, commands, an event. */
export const thermostatModel = {
  properties: [
    { identifier: "temperature", name: "Temperature", type: "float", unit: "°C", min: -40, max: 125 },
    { identifier: "humidity", name: "Humidity", type: "int", unit: "%", min: 0, max: 100 },
    { identifier: "target", name: "Target", type: "float", unit: "°C", min: 5, max: 30, access: "rw" },
    { identifier: "mode", name: "Mode", type: "enum", enumValues: ["eco", "comfort"], access: "rw" },
  ],
  events: [
    {
      identifier: "overheat",
      name: "Overheat",
      level: "warning",
      params: [{ identifier: "temperature", name: "Temperature", type: "float" }],
    },
  ],
  commands: [
    {
      identifier: "setTarget",
      name: "Set target",
      input: [{ identifier: "target", name: "Target", type: "float", min: 5, max: 30 }],
      output: [{ identifier: "target", name: "Target", type: "float" }],
    },
    { identifier: "reboot", name: "Reboot" },
  ],
};

export interface TestDevice {
  id: string;
  name: string;
  username: string;
  secret: string;
}

/** Creates a thermostat product and one device through the API; returns its MQTT credentials. */
export async function createThermostat(request: APIRequestContext, baseURL: string, slug: string, name = "thermo-1"): Promise<TestDevice> {
  const product = await trpcMutation<{ id: string }>(request, baseURL, "product.create", {
    tenantSlug: slug,
    name: "Thermostat",
    thingModel: thermostatModel,
  });
  const created = await trpcMutation<{ device: { id: string }; secret: string }>(request, baseURL, "device.create", {
    tenantSlug: slug,
    name,
    productId: product.id,
  });
  return { id: created.device.id, name, username: `${slug}/${name}`, secret: created.secret };
}

/** Connects as the device over MQTT 3.1.1 (what the broker speaks). */
export async function connectDevice(device: TestDevice): Promise<MqttClient> {
  const client = mqtt.connect(mqttUrl, {
    protocolVersion: 4,
    username: device.username,
    password: device.secret,
    clientId: `e2e-${device.name}-${Date.now()}`,
    reconnectPeriod: 0,
    connectTimeout: 5_000,
  });
  await new Promise<void>((resolve, reject) => {
    client.once("connect", () => resolve());
    client.once("error", reject);
  });
  return client;
}

/** The next message whose topic starts with `prefix`, parsed as JSON. */
export function nextMessage(
  client: MqttClient,
  prefix: string,
  timeoutMs = 10_000,
): Promise<{ topic: string; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off("message", onMessage);
      reject(new Error(`no message on ${prefix} within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (topic: string, payload: Buffer) => {
      if (!topic.startsWith(prefix)) return;
      clearTimeout(timer);
      client.off("message", onMessage);
      resolve({ topic, json: JSON.parse(payload.toString()) as Record<string, unknown> });
    };
    client.on("message", onMessage);
  });
}
