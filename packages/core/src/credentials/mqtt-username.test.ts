import { describe, expect, it } from "vitest";
import { mqttUsername, parseMqttUsername } from "./mqtt-username";

describe("mqttUsername", () => {
  it("joins slug and name and splits them back", () => {
    const u = mqttUsername("acme", "sensor-01.a_b");
    expect(u).toBe("acme/sensor-01.a_b");
    expect(parseMqttUsername(u)).toEqual({ tenantSlug: "acme", deviceName: "sensor-01.a_b" });
  });

  it.each([
    "",
    "acme",
    "acme/",
    "/sensor",
    "ac/sensor",
    "Acme/sensor",
    "acme/sensor/extra",
    "acme//sensor",
    "acme/-sensor",
    "acme/sen sor",
    `acme/${"s".repeat(65)}`,
    `${"a".repeat(41)}/sensor`,
    "-acme/sensor",
    "acme/+",
    "acme/#",
  ])("refuses %j", (u) => {
    expect(parseMqttUsername(u)).toBeNull();
  });
});
