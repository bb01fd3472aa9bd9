import { z } from "zod";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./parse-env";

const schema = z.object({
  DATABASE_URL: z.url(),
  PORT: z.coerce.number().int().min(1).max(65535).default(1883),
});

describe("parseEnv", () => {
  it("returns parsed values with defaults", () => {
    expect(parseEnv("broker", schema, { DATABASE_URL: "postgres://a@b/c" })).toEqual({
      DATABASE_URL: "postgres://a@b/c",
      PORT: 1883,
    });
  });

  it("names every missing and bad variable", () => {
    let err: unknown;
    try {
      parseEnv("broker", schema, { PORT: "70000" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EnvError);
    const msg = (err as EnvError).message;
    expect(msg).toContain("broker: invalid environment");
    expect(msg).toContain("DATABASE_URL: is required but not set");
    expect(msg).toMatch(/PORT: .*65535/);
    expect((err as EnvError).problems).toHaveLength(2);
  });
});
