import { describe, expect, it } from "vitest";
import { deviceNameSchema } from "./device-name";

describe("deviceNameSchema", () => {
  it.each(["a", "sensor-01", "Sensor_01.kitchen", "0", "x".repeat(64)])("accepts %j", (name) => {
    expect(deviceNameSchema.safeParse(name).success).toBe(true);
  });

  it.each([
    ["", "Enter a device name"],
    ["x".repeat(65), "Use at most 64 characters"],
    ["a/b", "Start with a letter or digit and use only letters, digits, _, . and -"],
    ["-a", "Start with a letter or digit and use only letters, digits, _, . and -"],
    [".a", "Start with a letter or digit and use only letters, digits, _, . and -"],
    ["a b", "Start with a letter or digit and use only letters, digits, _, . and -"],
    ["a+", "Start with a letter or digit and use only letters, digits, _, . and -"],
    ["a#", "Start with a letter or digit and use only letters, digits, _, . and -"],
  ])("refuses %j", (name, message) => {
    expect(deviceNameSchema.safeParse(name).error?.issues[0]?.message).toBe(message);
  });
});
