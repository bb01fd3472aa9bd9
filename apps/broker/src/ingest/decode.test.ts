import { compileProductModel, parseThingModel } from "@aspen/core";
import { describe, expect, it } from "vitest";
import { decodeAttributeRequest, decodeEvent, decodeJson, decodeRpcResponse, decodeTelemetry } from "./decode";
import type { ProductModel } from "./thing-models";

const parsed = parseThingModel({
  properties: [
    { identifier: "temperature", name: "T", type: "float", min: -40, max: 125 },
    { identifier: "label", name: "L", type: "string" },
  ],
  events: [{ identifier: "overheat", name: "O", level: "fault", params: [{ identifier: "t", name: "t", type: "float" }] }],
  commands: [{ identifier: "reboot", name: "R", output: [{ identifier: "ok", name: "ok", type: "bool" }] }],
});
if (!parsed.ok) throw new Error("bad model");
const model: ProductModel = compileProductModel({ id: "p", tenantId: "t", thingModel: parsed.model, unknownKeys: "reject" });
const ids = { tenantId: "t", deviceId: "d" };
const now = 1_700_000_000_000;

describe("decode", () => {
  it("reports malformed JSON and empty payloads", () => {
    expect(decodeJson(Buffer.from("{x"))).toMatchObject({ ok: false, reason: expect.stringMatching(/^malformed JSON/) });
    expect(decodeJson(Buffer.alloc(0))).toMatchObject({ ok: false });
  });

  it("turns telemetry into typed rows and keeps good keys next to bad ones", () => {
    const r = decodeTelemetry(ids, model, { temperature: 21.5, label: 7, other: 1 }, now);
    expect(r.rows).toEqual([{ ...ids, key: "temperature", ts: now, valueNum: 21.5, valueBool: null, valueStr: null }]);
    expect(r.rejection?.kind).toBe("validation");
    expect(r.rejection?.reason).toMatch(/label: expected a string; other: unknown key/);
    expect(r.latest).toEqual({ temperature: { ts: now, value: 21.5 } });
  });

  it("refuses strings Postgres cannot store", () => {
    const r = decodeTelemetry(ids, model, { label: "a\u0000", temperature: 1 }, now);
    expect(r.rows.map((x) => x.key)).toEqual(["temperature"]);
    expect(decodeTelemetry(ids, model, { label: "\ud800" }, now).rows).toEqual([]);
  });

  it("decodes events with a device time as idempotent, and refuses undeclared ones", () => {
    const e = decodeEvent(ids, model, "overheat", { ts: now - 5, params: { t: 90 } }, now);
    expect(e.row).toMatchObject({ event: "overheat", level: "fault", ts: now - 5, params: { t: 90 }, dedupKey: `overheat:${now - 5}` });
    expect(decodeEvent(ids, model, "boom", {}, now).rejection?.reason).toMatch(/unknown event/);
    expect(decodeEvent(ids, model, "overheat", { t: "hot" }, now).rejection?.kind).toBe("validation");
  });

  it("reads ThingsBoard attribute requests", () => {
    expect(decodeAttributeRequest({ clientKeys: "a, b", sharedKeys: "c" })).toEqual({ clientKeys: ["a", "b"], sharedKeys: ["c"] });
    expect(decodeAttributeRequest({})).toEqual({ clientKeys: null, sharedKeys: null });
  });

  it("judges command responses", () => {
    expect(decodeRpcResponse(model, "reboot", { ok: true }).status).toBe("succeeded");
    expect(decodeRpcResponse(model, "reboot", { error: "busy" })).toMatchObject({ status: "failed", error: "busy" });
    expect(decodeRpcResponse(model, "reboot", { ok: "yes" })).toMatchObject({
      status: "failed",
      error: expect.stringMatching(/thing model/),
    });
    expect(decodeRpcResponse(model, "unknown", 42).status).toBe("succeeded");
  });
});
