/**
 * Where the browser tests' stack listens: the built web app and the built MQTT broker, on loopback
 * ports that do not collide with `npm start` (override them to run several stacks side by side).
 */
const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

export const stack = {
  webPort: port("E2E_WEB_PORT", 3210),
  mqttPort: port("E2E_MQTT_PORT", 18830),
  mqttWsPort: port("E2E_MQTT_WS_PORT", 18930),
  brokerHttpPort: port("E2E_BROKER_HTTP_PORT", 19190),
  /** web's /metrics (WEB_OPS_PORT); derived from the web port so parallel stacks do not collide. */
  webOpsPort: port("E2E_WEB_OPS_PORT", port("E2E_WEB_PORT", 3210) + 10_000),
  /** The worker's /healthz and /metrics (alerts, notifications, webhooks). */
  workerHttpPort: port("E2E_WORKER_HTTP_PORT", port("E2E_BROKER_HTTP_PORT", 19190) + 100),
};

export const mqttUrl = `mqtt://127.0.0.1:${stack.mqttPort}`;
