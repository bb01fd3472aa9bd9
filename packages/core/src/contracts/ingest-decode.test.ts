import { compileThingModel } from "../thing-model/compile";
import { parseThingModel } from "../thing-model/parse";
import { describe, expect, it } from "vitest";
import { decodeTelemetryPoints, describeKeyErrors } from "./ingest-decode";

const parsed = parseThingModel({
  properties: [
    { identifier: "t", name: "T", type: "float", min: 0, max: 10 },
    { identifier: "s", name: "S", type: "string" },
  ],
});
if (!parsed.ok) throw new Error("bad test model");
const compiled = compileThingModel(parsed.model);
const ids = { tenantId: "00000000-0000-4000-8000-000000000001", deviceId: "00000000-0000-4000-8000-000000000002" };

describe("decodeTelemetryPoints", () => {
  it("keeps good keys, refuses bad ones per key, and keeps the newest value per key as latest", () => {
    const d = decodeTelemetryPoints(
      ids,
      compiled,
      [
        { ts: 1000, values: { t: 1, x: 2 } },
        { ts: 2000, values: { t: 11, s: "a\u0000b" } },
        { ts: 500, values: { t: 3 } },
      ],
      true,
    );
    expect(d.rows.map((r) => [r.key, r.ts, r.valueNum])).toEqual([
      ["t", 1000, 1],
      ["t", 500, 3],
    ]);
    expect(d.latest).toEqual({ t: { ts: 1000, value: 1 } });
    expect(d.errors.map((e) => [e.key, e.ts])).toEqual([
      ["x", 1000],
      ["t", 2000],
      ["s", 2000],
    ]);
    expect(d.errors.find((e) => e.key === "s")!.reason).toMatch(/NUL/);
  });

  it("summarises errors for the device's last errors", () => {
    const errors = Array.from({ length: 7 }, (_, i) => ({ key: `k${i}`, reason: "bad" }));
    expect(describeKeyErrors(errors)).toBe("k0: bad; k1: bad; k2: bad; k3: bad; k4: bad; and 2 more");
  });
});
