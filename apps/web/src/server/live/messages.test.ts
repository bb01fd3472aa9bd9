import { publicId } from "@aspen/core";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { forConsole, forSharedView, parseChannelPayload, type LiveFilter } from "./messages";

const decodeChannelPayload = (payload: string, filter: LiveFilter) => forConsole(parseChannelPayload(payload), filter);

const a = randomUUID();
const b = randomUUID();

describe("parseChannelPayload + forConsole", () => {
  it("keeps valid elements, drops unknown or malformed ones, and uses public ids", () => {
    const cmd = randomUUID();
    const payload = JSON.stringify([
      { type: "telemetry", deviceId: a, ts: 1, values: { t: 1.5, on: true, mode: "eco" } },
      { type: "command", deviceId: a, commandId: cmd, status: "sent" },
      { type: "telemetry", deviceId: "not-a-uuid", ts: 1, values: {} },
      { type: "future", deviceId: a },
      "garbage",
    ]);
    expect(decodeChannelPayload(payload, {})).toEqual([
      { type: "telemetry", deviceId: publicId("dev", a), ts: 1, values: { t: 1.5, on: true, mode: "eco" } },
      { type: "command", deviceId: publicId("dev", a), commandId: publicId("cmd", cmd), status: "sent" },
    ]);
  });

  it("filters by device and type", () => {
    const payload = JSON.stringify([
      { type: "presence", deviceId: a, online: true, at: 1 },
      { type: "presence", deviceId: b, online: false, at: 2, reason: "keepalive timeout" },
      { type: "error", deviceId: b, kind: "payload", reason: "bad json", at: 3 },
    ]);
    expect(decodeChannelPayload(payload, { deviceId: b }).map((m) => m.type)).toEqual(["presence", "error"]);
    expect(decodeChannelPayload(payload, { types: new Set(["presence"]) }).map((m) => m.deviceId)).toEqual([
      publicId("dev", a),
      publicId("dev", b),
    ]);
  });

  it("filters by a set of devices (a dashboard's)", () => {
    const c = randomUUID();
    const payload = JSON.stringify([
      { type: "telemetry", deviceId: a, ts: 1, values: { t: 1 } },
      { type: "telemetry", deviceId: b, ts: 2, values: { t: 2 } },
      { type: "telemetry", deviceId: c, ts: 3, values: { t: 3 } },
    ]);
    expect(decodeChannelPayload(payload, { deviceIds: new Set([a, c]) }).map((m) => m.deviceId)).toEqual([
      publicId("dev", a),
      publicId("dev", c),
    ]);
  });

  it("never throws on junk", () => {
    expect(decodeChannelPayload("{not json", {})).toEqual([]);
    expect(decodeChannelPayload('{"type":"presence"}', {})).toEqual([]);
  });
});

describe("forSharedView", () => {
  it("sends only the series a shared dashboard reads and its devices' online state, nothing else", () => {
    const c = randomUUID();
    const keys = new Map([
      [a, new Set(["t"])],
      [b, new Set(["h", "t"])],
    ]);
    const messages = parseChannelPayload(
      JSON.stringify([
        { type: "telemetry", deviceId: a, ts: 1, values: { t: 1, secret: 9 } },
        { type: "telemetry", deviceId: a, ts: 2, values: { other: 2 } },
        { type: "telemetry", deviceId: b, ts: 3, values: { h: 40, t: 20 } },
        { type: "telemetry", deviceId: c, ts: 4, values: { t: 4 } },
        { type: "presence", deviceId: b, online: false, at: 5, reason: "keepalive timeout from 10.0.0.7" },
        { type: "presence", deviceId: c, online: true, at: 6 },
        { type: "command", deviceId: a, commandId: randomUUID(), status: "sent" },
        { type: "desired", deviceId: a, desired: { target: 21 }, version: 2 },
        { type: "shadow", deviceId: b, reported: { fw: "1.2" }, version: 3 },
        { type: "event", deviceId: a, event: "overheat", level: "warning", ts: 7, params: {} },
        { type: "error", deviceId: b, kind: "payload", reason: "bad json", at: 8 },
      ]),
    );
    expect(forSharedView(messages, keys)).toEqual([
      { type: "telemetry", deviceId: publicId("dev", a), ts: 1, values: { t: 1 } },
      { type: "telemetry", deviceId: publicId("dev", b), ts: 3, values: { h: 40, t: 20 } },
      { type: "presence", deviceId: publicId("dev", b), online: false, at: 5 },
    ]);
  });

  it("sends nothing for a dashboard that reads no series", () => {
    const messages = parseChannelPayload(JSON.stringify([{ type: "presence", deviceId: a, online: true, at: 1 }]));
    expect(forSharedView(messages, new Map())).toEqual([]);
  });
});
