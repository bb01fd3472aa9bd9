import { EnvError } from "@aspen/core";
import { RedisNotDurableError } from "@aspen/jobs";
import { loadEnv } from "./env";
import { createLogger } from "./logger";
import { startBroker } from "./server";

async function main() {
  const env = loadEnv();
  const log = createLogger(env.LOG_LEVEL, env.BROKER_ID);
  const broker = await startBroker(env, log);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping");
    // A second signal, or a stuck shutdown, ends the process anyway.
    setTimeout(() => process.exit(1), 20_000).unref();
    broker.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("uncaughtException", (err) => {
    log.fatal({ err }, "uncaught exception; exiting so that the supervisor restarts the broker");
    process.exit(1);
  });
}

main().catch((err: unknown) => {
  if (err instanceof EnvError || err instanceof RedisNotDurableError) {
    console.error(err.message);
  } else {
    console.error("broker: could not start:", err);
  }
  process.exit(1);
});
