import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const good = {
  DATABASE_URL: "postgres://aspen_system:aspen@127.0.0.1:54329/aspen",
  TENANT_DATABASE_URL: "postgres://aspen_tenant:aspen@127.0.0.1:54329/aspen",
  REDIS_URL: "redis://127.0.0.1:63790",
  AUTH_SECRET: "x".repeat(32),
};

describe("web env", () => {
  it("applies defaults", () => {
    const env = parseEnv(good);
    expect(env).toMatchObject({
      APP_URL: "http://localhost:3000",
      MQTT_PUBLIC_HOST: "localhost",
      MQTT_PUBLIC_PORT: 1883,
      LOG_LEVEL: "info",
    });
    expect(env.SMTP_URL).toBeUndefined();
  });

  it("names every missing or bad variable in one message", () => {
    expect(() => parseEnv({ REDIS_URL: "http://nope", AUTH_SECRET: "short", MQTT_PUBLIC_PORT: "99999" })).toThrowError(
      /DATABASE_URL: is required[\s\S]*TENANT_DATABASE_URL: is required[\s\S]*REDIS_URL: must be a redis:\/\/ URL[\s\S]*AUTH_SECRET: must be at least 32 characters[\s\S]*MQTT_PUBLIC_PORT/,
    );
  });

  it("treats an empty SMTP_URL as unset and checks a given one", () => {
    expect(parseEnv({ ...good, SMTP_URL: "" }).SMTP_URL).toBeUndefined();
    expect(parseEnv({ ...good, SMTP_URL: "smtp://mail:25" }).SMTP_URL).toBe("smtp://mail:25");
    expect(() => parseEnv({ ...good, SMTP_URL: "mail.example" })).toThrowError(/SMTP_URL/);
  });

  it("leaves the REST limit to the plans unless API_RATE_PER_MINUTE overrides it (one number or per plan)", () => {
    expect(parseEnv(good).API_RATE_PER_MINUTE).toBeUndefined();
    expect(parseEnv({ ...good, API_RATE_PER_MINUTE: "100000000" }).API_RATE_PER_MINUTE).toBe(100_000_000);
    expect(parseEnv({ ...good, API_RATE_PER_MINUTE: "free:5,pro:12" }).API_RATE_PER_MINUTE).toEqual({ free: 5, pro: 12 });
    expect(() => parseEnv({ ...good, API_RATE_PER_MINUTE: "gold:5" })).toThrowError(
      /API_RATE_PER_MINUTE: must be a number or plan:number pairs/,
    );
  });
});
