import { layoutDeviceIds, parsePublicId } from "@aspen/core";
import { describe, expect, it } from "vitest";
import { demoDashboardLayout } from "./seed-dashboard";

describe("the demo dashboard", () => {
  it("is a valid layout over the simulator's devices", () => {
    const ids = new Map(["thermo-01", "thermo-02", "thermo-03"].map((n, i) => [n, `00000000-0000-4000-8000-00000000000${i + 1}`]));
    const layout = demoDashboardLayout(ids);
    expect(layout.widgets.map((w) => w.kind).sort()).toEqual(["alarms", "chart", "command", "gauge", "status", "value"]);
    expect(
      layoutDeviceIds(layout)
        .map((id) => parsePublicId("dev", id))
        .sort(),
    ).toEqual([...ids.values()].sort());
  });
});
