import { pino, type Logger } from "pino";

/** The process' one logger: JSON lines on stdout. Secrets are never logged (tokens are not usernames here). */
export function createLogger(level: string, brokerId: string): Logger {
  return pino({ level, base: { service: "broker", brokerId }, redact: ["password", "*.password", "secret", "*.secret"] });
}
