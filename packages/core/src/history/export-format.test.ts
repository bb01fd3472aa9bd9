import { describe, expect, it } from "vitest";
import { csvLine, exportEncoding, jsonLine } from "./export-format";

const ts = new Date("2026-11-20T10:00:00.123Z");

describe("export lines", () => {
  it("writes CSV with RFC 4180 quoting and defused formulas", () => {
    expect(csvLine({ ts, deviceId: "dev_1", device: "thermo-01", key: "t", value: 21.5 })).toBe(
      "2026-11-20T10:00:00.123Z,dev_1,thermo-01,t,21.5\n",
    );
    expect(csvLine({ ts, deviceId: "dev_1", device: "a,b", key: "s", value: 'say "hi"\nnow' })).toBe(
      '2026-11-20T10:00:00.123Z,dev_1,"a,b",s,"say ""hi""\nnow"\n',
    );
    expect(csvLine({ ts, deviceId: "dev_1", device: "d", key: "s", value: "=HYPERLINK(1)" })).toBe(
      "2026-11-20T10:00:00.123Z,dev_1,d,s,'=HYPERLINK(1)\n",
    );
    expect(csvLine({ ts, deviceId: "dev_1", device: "d", key: "s", value: "-5" })).toBe("2026-11-20T10:00:00.123Z,dev_1,d,s,-5\n");
    expect(csvLine({ ts, deviceId: "dev_1", device: "d", key: "on", value: false })).toBe("2026-11-20T10:00:00.123Z,dev_1,d,on,false\n");
    expect(exportEncoding("csv").header).toBe("ts,device_id,device,key,value\n");
  });

  it("writes one JSON object per line with typed values", () => {
    expect(JSON.parse(jsonLine({ ts, deviceId: "dev_1", device: "d", key: "on", value: true }))).toEqual({
      ts: "2026-11-20T10:00:00.123Z",
      deviceId: "dev_1",
      device: "d",
      key: "on",
      value: true,
    });
    expect(jsonLine({ ts, deviceId: "dev_1", device: "d", key: "x", value: null }).endsWith("}\n")).toBe(true);
  });
});
