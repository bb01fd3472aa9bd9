import { generateSecret, hashSecret, mqttUsername, publicId, secretHint, type ThingModel } from "@aspen/core";
import { z } from "zod";
import { getEnv } from "../../../env";

/** A fresh device secret and what is stored of it. */
export function newDeviceSecret(): { secret: string; hash: string; hint: string } {
  const secret = generateSecret();
  return { secret, hash: hashSecret(secret), hint: secretHint(secret) };
}

/** How a device connects: broker host and port, username `<tenant>/<device>`, the secret as password, its id as client id. */
export const mqttSettingsSchema = z.object({
  host: z.string(),
  port: z.number().int(),
  username: z.string(),
  password: z.string(),
  clientId: z.string(),
});
export type MqttSettings = z.infer<typeof mqttSettingsSchema>;

/** A device secret with everything needed to use it, returned once (create, bulk create, rotate). */
export const credentialsSchema = z.object({ secret: z.string(), mqtt: mqttSettingsSchema, mosquittoPub: z.string() });

/** The exact MQTT settings a device connects with. The client id is the device's public id. */
export function mqttSettings(tenantSlug: string, device: { id: string; name: string }, secret: string): MqttSettings {
  const env = getEnv();
  return {
    host: env.MQTT_PUBLIC_HOST,
    port: env.MQTT_PUBLIC_PORT,
    username: mqttUsername(tenantSlug, device.name),
    password: secret,
    clientId: publicId("dev", device.id),
  };
}

/** A telemetry payload that the product's thing model accepts, for the copyable example. */
export function sampleTelemetry(model: ThingModel | null | undefined): Record<string, number | boolean | string> {
  const out: Record<string, number | boolean | string> = {};
  for (const p of model?.properties ?? []) {
    if (Object.keys(out).length >= 2) break;
    if (p.type === "int" || p.type === "float") {
      const lo = p.min ?? 0;
      const hi = p.max ?? lo + 100;
      const mid = lo + (hi - lo) / 2;
      out[p.identifier] = p.type === "int" ? Math.round(mid) : Math.round(mid * 10) / 10;
    } else if (p.type === "bool") out[p.identifier] = true;
    else if (p.type === "enum" && p.enumValues?.[0]) out[p.identifier] = p.enumValues[0];
  }
  if (Object.keys(out).length === 0) out.temperature = 21.5;
  return out;
}

const shellQuote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

/** A `mosquitto_pub` command line that publishes one telemetry message as the device. */
export function mosquittoPubExample(mqtt: MqttSettings, model: ThingModel | null | undefined): string {
  return [
    "mosquitto_pub",
    `-h ${shellQuote(mqtt.host)}`,
    `-p ${mqtt.port}`,
    `-V mqttv311`,
    `-i ${shellQuote(mqtt.clientId)}`,
    `-u ${shellQuote(mqtt.username)}`,
    `-P ${shellQuote(mqtt.password)}`,
    `-t 'v1/devices/me/telemetry'`,
    `-m ${shellQuote(JSON.stringify(sampleTelemetry(model)))}`,
  ].join(" ");
}

/** Secret, MQTT settings and example for a device, returned once (create, bulk create, rotate). */
export function credentialsOf(
  tenantSlug: string,
  device: { id: string; name: string },
  secret: string,
  model?: ThingModel | null,
): z.infer<typeof credentialsSchema> {
  const mqtt = mqttSettings(tenantSlug, device, secret);
  return { secret, mqtt, mosquittoPub: mosquittoPubExample(mqtt, model) };
}
