import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { createDatabaseHealth, isUnavailable } from "./database-health";

const log = pino({ level: "silent" });
const err = (code: string) => Object.assign(new Error(code), { code });

describe("isUnavailable", () => {
  it("is true for connection errors and server shutdown / start-up, false for statement errors", () => {
    for (const c of ["ECONNREFUSED", "CONNECTION_CLOSED", "CONNECT_TIMEOUT", "08006", "57P01", "57P03"])
      expect(isUnavailable(err(c))).toBe(true);
    for (const c of ["23505", "22P02", "42P01", "40001"]) expect(isUnavailable(err(c))).toBe(false);
    expect(isUnavailable(new Error("wrapped", { cause: err("ECONNREFUSED") }))).toBe(true);
    expect(isUnavailable(new Error("no code"))).toBe(false);
  });
});

describe("createDatabaseHealth", () => {
  it("goes down on a connection error only, probes, and wakes waiters when the database answers", async () => {
    let answering = false;
    const changes: boolean[] = [];
    const h = createDatabaseHealth({
      ping: async () => {
        if (!answering) throw err("ECONNREFUSED");
      },
      log,
      probeMs: 10,
      onChange: (d) => changes.push(d),
    });
    h.failed(err("23505"));
    expect(h.down()).toBe(false);
    h.failed(err("ECONNREFUSED"));
    expect(h.down()).toBe(true);
    let woken = false;
    void h.recovered().then(() => (woken = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(woken).toBe(false);
    answering = true;
    await new Promise((r) => setTimeout(r, 50));
    expect(woken).toBe(true);
    expect(h.down()).toBe(false);
    expect(changes).toEqual([true, false]);
    h.stop();
  });

  it("retry runs a write again once the database is back, and gives up on other errors at once", async () => {
    let answering = false;
    const h = createDatabaseHealth({
      ping: async () => {
        if (!answering) throw err("ECONNREFUSED");
      },
      log,
      probeMs: 10,
    });
    let calls = 0;
    const write = h.retry(async () => {
      calls++;
      if (!answering) throw err("CONNECTION_CLOSED");
      return "written";
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(calls).toBe(1);
    answering = true;
    await expect(write).resolves.toBe("written");
    expect(calls).toBe(2);
    await expect(h.retry(() => Promise.reject(err("23505")))).rejects.toThrow("23505");
    h.stop();
  });
});
