import { describe, expect, it } from "vitest";
import { dashboardLayoutSchema, dashboardRangeWindow, layoutDeviceIds, layoutSeriesKeys, nextRow, stackOrder } from "./layout";

const dev = "dev_3mJr7AoUXx2Wqd";
const dev2 = "dev_4nKs8BpVYy3Xre";

describe("dashboardLayoutSchema", () => {
  it("accepts every widget kind and fills defaults", () => {
    const parsed = dashboardLayoutSchema.parse({
      widgets: [
        { id: "a", kind: "chart", x: 0, y: 0, w: 6, h: 4, series: [{ deviceId: dev, key: "temperature" }] },
        { id: "b", kind: "value", x: 6, y: 0, w: 3, h: 2, deviceId: dev, key: "temperature" },
        { id: "c", kind: "gauge", x: 9, y: 0, w: 3, h: 2, deviceId: dev, key: "humidity", min: 0, max: 100 },
        { id: "d", kind: "state", x: 0, y: 4, w: 3, h: 2, deviceId: dev2, key: "on" },
        { id: "e", kind: "status", x: 3, y: 4, w: 3, h: 2 },
        { id: "f", kind: "alarms", x: 6, y: 4, w: 6, h: 4 },
        { id: "g", kind: "command", x: 0, y: 6, w: 3, h: 2, deviceId: dev, method: "reboot" },
      ],
    });
    expect(parsed.widgets[0]).toMatchObject({ range: "r1h", title: "" });
    expect(parsed.widgets[5]).toMatchObject({ limit: 10 });
    expect(parsed.widgets[6]).toMatchObject({ params: {} });
  });

  it("refuses duplicate ids, widgets past the last column, inverted gauges and unknown kinds", () => {
    const base = { kind: "status", x: 0, y: 0, w: 2, h: 2 };
    expect(
      dashboardLayoutSchema.safeParse({
        widgets: [
          { ...base, id: "a" },
          { ...base, id: "a" },
        ],
      }).success,
    ).toBe(false);
    expect(dashboardLayoutSchema.safeParse({ widgets: [{ ...base, id: "a", x: 10, w: 4 }] }).success).toBe(false);
    const gauge = { id: "g", kind: "gauge", x: 0, y: 0, w: 2, h: 2, deviceId: dev, key: "t", min: 5, max: 5 };
    expect(dashboardLayoutSchema.safeParse({ widgets: [gauge] }).success).toBe(false);
    expect(dashboardLayoutSchema.safeParse({ widgets: [{ ...base, id: "a", kind: "iframe" }] }).success).toBe(false);
    expect(dashboardLayoutSchema.safeParse({ widgets: [{ ...base, id: "a", kind: "value", deviceId: "prd_x", key: "t" }] }).success).toBe(
      false,
    );
  });

  it("caps the number of widgets and chart series", () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ id: `w${i}`, kind: "status", x: 0, y: i, w: 1, h: 1 }));
    expect(dashboardLayoutSchema.safeParse({ widgets: many }).success).toBe(false);
    const series = Array.from({ length: 9 }, () => ({ deviceId: dev, key: "t" }));
    expect(dashboardLayoutSchema.safeParse({ widgets: [{ id: "c", kind: "chart", x: 0, y: 0, w: 6, h: 4, series }] }).success).toBe(false);
  });
});

describe("layout helpers", () => {
  const layout = dashboardLayoutSchema.parse({
    widgets: [
      { id: "b", kind: "value", x: 6, y: 0, w: 3, h: 2, deviceId: dev, key: "t" },
      {
        id: "a",
        kind: "chart",
        x: 0,
        y: 0,
        w: 6,
        h: 5,
        series: [
          { deviceId: dev2, key: "t" },
          { deviceId: dev, key: "h" },
        ],
      },
      { id: "c", kind: "status", x: 0, y: 5, w: 3, h: 2 },
    ],
  });
  it("names each device once", () => {
    expect(layoutDeviceIds(layout).sort()).toEqual([dev, dev2].sort());
  });
  it("lists the keys each device's widgets read, and nothing for a command widget's device", () => {
    const dev3 = "dev_5pLt9CqWZz4Ysf";
    const withCommand = dashboardLayoutSchema.parse({
      widgets: [...layout.widgets, { id: "d", kind: "command", x: 3, y: 5, w: 3, h: 2, deviceId: dev3, method: "reboot" }],
    });
    const keys = layoutSeriesKeys(withCommand);
    expect([...keys.keys()].sort()).toEqual([dev, dev2].sort());
    expect([...(keys.get(dev) ?? [])].sort()).toEqual(["h", "t"]);
    expect([...(keys.get(dev2) ?? [])]).toEqual(["t"]);
  });
  it("orders widgets top to bottom, then left to right", () => {
    expect(stackOrder(layout.widgets).map((w) => w.id)).toEqual(["a", "b", "c"]);
  });
  it("puts a new widget below all others", () => {
    expect(nextRow(layout.widgets)).toBe(7);
    expect(nextRow([])).toBe(0);
  });
});

describe("dashboardRangeWindow", () => {
  it("ends at the next step after now and spans the range", () => {
    expect(dashboardRangeWindow("r1h", 1_000_005_000)).toEqual({ from: 1_000_010_000 - 3_600_000, to: 1_000_010_000 });
    const day = dashboardRangeWindow("r24h", 1_000_005_000);
    expect(day.to % 60_000).toBe(0);
    expect(day.to - day.from).toBe(86_400_000);
  });
});
