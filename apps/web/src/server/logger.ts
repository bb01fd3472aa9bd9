import pino from "pino";
import { getEnv } from "../env";

const g = globalThis as unknown as { __aspenLogger?: pino.Logger };

function create(): pino.Logger {
  // Read LOG_LEVEL without forcing the rest of the env to be valid: logging must work while reporting a bad env.
  let level: string = "info";
  try {
    level = getEnv().LOG_LEVEL;
  } catch {
    /* env errors are reported by whoever needs the missing variable */
  }
  return pino({
    name: "web",
    level,
    redact: { paths: ["password", "*.password", "secret", "*.secret", "token", "*.token"], censor: "[redacted]" },
  });
}

/** The web process's one pino logger (JSON lines). */
export const logger: pino.Logger = new Proxy({} as pino.Logger, {
  get(_t, key) {
    g.__aspenLogger ??= create();
    const value = Reflect.get(g.__aspenLogger, key, g.__aspenLogger);
    return typeof value === "function" ? value.bind(g.__aspenLogger) : value;
  },
});
