import { beforeAll, describe, expect, it } from "vitest";
import { mosquittoPubExample, sampleTelemetry } from "./credentials";

beforeAll(() => {
  process.env.DATABASE_URL ??= "postgres://x@localhost/x";
  process.env.TENANT_DATABASE_URL ??= "postgres://x@localhost/x";
  process.env.REDIS_URL ??= "redis://localhost";
  process.env.AUTH_SECRET ??= "x".repeat(32);
});

describe("device credential helpers", () => {
  it("samples values inside the thing model's ranges", () => {
    const sample = sampleTelemetry({
      properties: [
        { identifier: "temperature", name: "T", type: "float", min: -40, max: 125, access: "r" },
        { identifier: "count", name: "C", type: "int", min: 0, max: 9, access: "r" },
        { identifier: "extra", name: "E", type: "bool", access: "r" },
      ],
      events: [],
      commands: [],
    });
    expect(sample).toEqual({ temperature: 42.5, count: 5 });
    expect(sampleTelemetry(undefined)).toEqual({ temperature: 21.5 });
  });

  it("quotes every argument of the mosquitto_pub example", () => {
    const cmd = mosquittoPubExample(
      { host: "mqtt.example.com", port: 8883, username: "acme/dev-1", password: "s3cr'et", clientId: "dev_abc" },
      undefined,
    );
    expect(cmd).toBe(
      `mosquitto_pub -h 'mqtt.example.com' -p 8883 -V mqttv311 -i 'dev_abc' -u 'acme/dev-1' -P 's3cr'\\''et' -t 'v1/devices/me/telemetry' -m '{"temperature":21.5}'`,
    );
  });
});
