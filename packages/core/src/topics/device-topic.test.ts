import { describe, expect, it } from "vitest";
import { allowedSubscription, canPublish } from "./device-acl";
import { formatDeviceTopic, parseDeviceTopic, type DeviceTopic } from "./device-topic";

const allowed: [string, DeviceTopic][] = [
  ["v1/devices/me/telemetry", { kind: "telemetry" }],
  ["v1/devices/me/attributes", { kind: "attributes" }],
  ["v1/devices/me/attributes/request/1", { kind: "attributesRequest", requestId: "1" }],
  ["v1/devices/me/attributes/response/abc-_9", { kind: "attributesResponse", requestId: "abc-_9" }],
  ["v1/devices/me/rpc/request/42", { kind: "rpcRequest", requestId: "42" }],
  ["v1/devices/me/rpc/response/42", { kind: "rpcResponse", requestId: "42" }],
  ["v1/devices/me/events/overheat", { kind: "event", event: "overheat" }],
  [`v1/devices/me/rpc/request/${"x".repeat(64)}`, { kind: "rpcRequest", requestId: "x".repeat(64) }],
];

const hostile = [
  "#",
  "+",
  "+/devices/me/telemetry",
  "v1/+/me/telemetry",
  "v1/devices/+/telemetry",
  "v1/devices/me/+",
  "v1/devices/me/#",
  "$SYS/#",
  "$SYS/broker/clients",
  "$share/g/v1/devices/me/telemetry",
  "v1/devices/other/telemetry",
  "v1/devices/me/rpc/request/#",
  "v1/devices/me/rpc/request/+",
  "v1/devices/me/attributes/response/+",
  "v1/devices/me/events/+",
  "v1/devices/me/events/#",
  "v1/devices/me/rpc/request/",
  "v1/devices/me/rpc/request/a/b",
  "v1/devices/me/rpc/request/$x",
  `v1/devices/me/rpc/request/${"x".repeat(65)}`,
  "v1/devices/me/rpc/request/a b",
  "v1/devices/me/telemetry/",
  "v1/devices/me/telemetry/extra",
  "v1/devices/me//telemetry",
  "/v1/devices/me/telemetry",
  "v1/devices/me/",
  "v1/devices/me",
  "V1/devices/me/telemetry",
  "v1/devices/me/Telemetry",
  "v1/devices/me/events/",
  "v1/devices/me/events/bad-name",
  "v1/devices/me/events/a/b",
  "v1/devices/me/rpc/other/1",
  "v1/devices/me/attributes/request",
  "v1/gateway/telemetry",
  "t/ten/d/dev/telemetry",
  "",
];

describe("parseDeviceTopic", () => {
  it.each(allowed)("reads %s", (topic, parsed) => {
    expect(parseDeviceTopic(topic)).toEqual(parsed);
    expect(formatDeviceTopic(parsed)).toBe(topic);
  });

  it.each(hostile)("refuses %j", (topic) => {
    expect(parseDeviceTopic(topic)).toBeNull();
  });
});

describe("canPublish", () => {
  it("allows what flows up and refuses what flows down", () => {
    const up = allowed.filter(([, t]) => canPublish(t)).map(([, t]) => t.kind);
    expect([...new Set(up)].sort()).toEqual(["attributes", "attributesRequest", "event", "rpcResponse", "telemetry"]);
    expect(canPublish({ kind: "rpcRequest", requestId: "1" })).toBe(false);
    expect(canPublish({ kind: "attributesResponse", requestId: "1" })).toBe(false);
  });
});

describe("allowedSubscription", () => {
  it.each([
    "v1/devices/me/attributes",
    "v1/devices/me/attributes/response/+",
    "v1/devices/me/rpc/request/+",
    "v1/devices/me/attributes/response/7",
    "v1/devices/me/rpc/request/abc",
  ])("allows %s", (filter) => {
    expect(allowedSubscription(filter)).toBe(true);
  });

  it.each([
    ...hostile.filter((t) => t !== "v1/devices/me/rpc/request/+" && t !== "v1/devices/me/attributes/response/+"),
    "v1/devices/me/telemetry",
    "v1/devices/me/rpc/response/+",
    "v1/devices/me/rpc/response/1",
    "v1/devices/me/attributes/request/+",
    "v1/devices/me/attributes/request/1",
    "v1/devices/me/events/overheat",
    "v1/devices/me/attributes/+",
    "v1/devices/me/attributes/#",
    "v1/devices/me/rpc/#",
    "v1/devices/me/rpc/+/+",
  ])("refuses %j", (filter) => {
    expect(allowedSubscription(filter)).toBe(false);
  });
});
