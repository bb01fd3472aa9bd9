import { describe, expect, it } from "vitest";
import {
  appendToSeries,
  applyCommandStatus,
  applyPresence,
  applyTelemetryToLatest,
  lastPresence,
  maxSeriesPoints,
  mergeLatest,
} from "./live-patches";

const latest = {
  deviceId: "dev_a",
  online: true,
  enabled: true,
  lastSeenAt: new Date(1000),
  lastConnectedAt: null,
  messageCount: 1,
  errorCount: 0,
  values: [
    { key: "temperature", name: "Temperature", type: "float", unit: "°C", declared: true, ts: 1000, value: 20 },
    { key: "humidity", name: "Humidity", type: "int", unit: "%", declared: true, ts: null, value: null },
  ],
};
const tel = (ts: number, values: Record<string, number | boolean | string>) => ({
  type: "telemetry" as const,
  deviceId: "dev_a",
  ts,
  values,
});

describe("applyTelemetryToLatest", () => {
  it("replaces older values, keeps newer ones, adds undeclared keys and moves last seen", () => {
    const next = applyTelemetryToLatest(
      latest,
      [tel(3000, { temperature: 22, humidity: 40 }), tel(2000, { temperature: 21, extra: "x" })],
      3500,
    );
    expect(next.values.find((v) => v.key === "temperature")).toMatchObject({ ts: 3000, value: 22 });
    expect(next.values.find((v) => v.key === "humidity")).toMatchObject({ ts: 3000, value: 40 });
    expect(next.values.find((v) => v.key === "extra")).toMatchObject({ declared: false, value: "x", ts: 2000 });
    expect(next.lastSeenAt).toEqual(new Date(3500));
    expect(latest.values[0]!.value).toBe(20);
  });
});

describe("appendToSeries", () => {
  const series = { key: "temperature", from: 0, to: 10_000, bucketSeconds: 10, points: [{ ts: 5000, avg: 1, min: 1, max: 1, count: 3 }] };
  it("appends numeric values of its key inside the window, in order", () => {
    const next = appendToSeries(series, [
      tel(7000, { temperature: 3 }),
      tel(6000, { temperature: 2, humidity: 9 }),
      tel(20_000, { temperature: 9 }),
      tel(8000, { temperature: "hot" }),
    ]);
    expect(next.points.map((p) => [p.ts, p.avg])).toEqual([
      [5000, 1],
      [6000, 2],
      [7000, 3],
    ]);
    expect(appendToSeries(series, [tel(7000, { humidity: 1 })])).toBe(series);
  });
  it("keeps at most maxSeriesPoints", () => {
    const many = Array.from({ length: maxSeriesPoints + 10 }, (_, i) => tel(i + 1, { temperature: i }));
    const next = appendToSeries({ ...series, points: [] }, many);
    expect(next.points).toHaveLength(maxSeriesPoints);
    expect(next.points.at(-1)!.avg).toBe(maxSeriesPoints + 9);
  });
});

describe("presence and commands", () => {
  it("sets online state and status, keeps disabled devices disabled", () => {
    const d = { enabled: true, online: false, status: "offline" as const, lastSeenAt: null, name: "x" };
    expect(applyPresence(d, { type: "presence", deviceId: "dev_a", online: true, at: 5 })).toMatchObject({
      online: true,
      status: "online",
      name: "x",
    });
    expect(
      applyPresence({ ...d, enabled: false, status: "disabled" as const }, { type: "presence", deviceId: "dev_a", online: true, at: 5 })
        .status,
    ).toBe("disabled");
  });
  it("keeps the newest presence per device", () => {
    const m = lastPresence([
      { type: "presence", deviceId: "dev_a", online: true, at: 2 },
      { type: "presence", deviceId: "dev_a", online: false, at: 3 },
      { type: "presence", deviceId: "dev_b", online: true, at: 1 },
    ]);
    expect(m.get("dev_a")!.online).toBe(false);
    expect(m.get("dev_b")!.online).toBe(true);
  });
  it("patches the status of listed commands only", () => {
    const page = { total: 1, page: 1, pageSize: 10, items: [{ id: "cmd_1", status: "sent" }] } as never;
    const next = applyCommandStatus(page, [{ type: "command", deviceId: "dev_a", commandId: "cmd_1", status: "succeeded" }]);
    expect((next as { items: { status: string }[] }).items[0]!.status).toBe("succeeded");
    expect(applyCommandStatus(page, [{ type: "command", deviceId: "dev_a", commandId: "cmd_2", status: "failed" }])).toBe(page);
  });
});

describe("mergeLatest", () => {
  it("keeps values that live updates made newer than the refetched row", () => {
    const shown = applyTelemetryToLatest(latest, [tel(5000, { temperature: 25, extra: 1 })], 5000);
    const fetched = {
      ...latest,
      lastSeenAt: new Date(4000),
      values: latest.values.map((v) => (v.key === "humidity" ? { ...v, ts: 4000, value: 50 } : v)),
    };
    const merged = mergeLatest(shown, fetched);
    expect(merged.values.find((v) => v.key === "temperature")).toMatchObject({ ts: 5000, value: 25 });
    expect(merged.values.find((v) => v.key === "humidity")).toMatchObject({ ts: 4000, value: 50 });
    expect(merged.values.find((v) => v.key === "extra")).toMatchObject({ value: 1 });
    expect(merged.lastSeenAt).toEqual(new Date(5000));
    expect(mergeLatest(undefined, fetched)).toBe(fetched);
  });
});
