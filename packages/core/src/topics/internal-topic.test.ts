import { describe, expect, it } from "vitest";
import { commandChannel, externalTopic, internalTopic, parseInternalTopic } from "./internal-topic";

const ten = "0190f6c1-8e2a-7c3b-9d4e-5f6a7b8c9d0e";
const dev = "0190f6c1-8e2a-7c3b-9d4e-5f6a7b8c9d0f";

describe("internalTopic", () => {
  it.each([
    ["v1/devices/me/telemetry", "telemetry"],
    ["v1/devices/me/attributes", "attributes"],
    ["v1/devices/me/rpc/request/42", "rpc/request/42"],
    ["v1/devices/me/rpc/request/+", "rpc/request/+"],
    ["v1/devices/me/attributes/response/+", "attributes/response/+"],
    ["v1/devices/me/events/overheat", "events/overheat"],
  ])("maps %s and back", (topic, suffix) => {
    const internal = internalTopic(ten, dev, topic);
    expect(internal).toBe(`t/${ten}/d/${dev}/${suffix}`);
    expect(externalTopic(internal)).toBe(topic);
    expect(parseInternalTopic(internal)).toEqual({ tenantId: ten, deviceId: dev, deviceTopic: topic });
  });

  it.each(["#", "v1/devices/me/#", "v1/devices/other/telemetry", "$SYS/#", "v1/devices/me/telemetry/+"])("throws on %j", (topic) => {
    expect(() => internalTopic(ten, dev, topic)).toThrow(TypeError);
  });

  it.each([
    ["", dev],
    [ten, ""],
    ["a/b", dev],
    [ten, "+"],
    [ten, "#"],
  ])("throws on ids %j / %j", (tenantId, deviceId) => {
    expect(() => internalTopic(tenantId, deviceId, "v1/devices/me/telemetry")).toThrow(TypeError);
  });
});

describe("externalTopic", () => {
  it.each([
    "",
    "t",
    `t/${ten}/d/${dev}`,
    `t/${ten}/d/${dev}/`,
    `t/${ten}/x/${dev}/telemetry`,
    `x/${ten}/d/${dev}/telemetry`,
    `t/+/d/${dev}/telemetry`,
    `t/${ten}/d/#`,
    `t/${ten}/d/${dev}/nope`,
    `t/${ten}/d/${dev}/rpc/request/#`,
    "v1/devices/me/telemetry",
  ])("returns null for %j", (internal) => {
    expect(externalTopic(internal)).toBeNull();
    expect(parseInternalTopic(internal)).toBeNull();
  });
});

describe("commandChannel", () => {
  it("names the channel", () => {
    expect(commandChannel(ten, dev)).toBe(`cmd/${ten}/${dev}`);
  });

  it("throws on ids that would change its shape", () => {
    expect(() => commandChannel("a/b", dev)).toThrow(TypeError);
  });
});
