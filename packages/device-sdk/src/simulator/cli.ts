// Simulates thermostats: `npm run sim -- --devices .aspen/demo-devices.json --url mqtt://127.0.0.1:1883 --interval 2000`
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { connectDevice, type DeviceClient } from "../client";
import { readDevicesFile, type SimDevice } from "./devices-file";
import { ThermostatState, type Thermostat } from "./thermostat";

const args = z.object({
  devices: z.string().default(".aspen/demo-devices.json"),
  url: z.string().optional(),
  interval: z.coerce.number().int().min(100).default(2000),
  /** Stop after this many seconds (0 = run until Ctrl-C). */
  duration: z.coerce.number().min(0).default(0),
  qos: z.enum(["0", "1"]).default("1"),
  quiet: z.boolean().default(false),
});

const { values } = parseArgs({
  options: {
    devices: { type: "string" },
    url: { type: "string" },
    interval: { type: "string" },
    duration: { type: "string" },
    qos: { type: "string" },
    quiet: { type: "boolean" },
  },
});
const parsed = args.safeParse(values);
if (!parsed.success) {
  console.error(`sim: ${parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; ")}`);
  process.exit(2);
}
const opts = parsed.data;
const log = (msg: string) => !opts.quiet && console.log(`${new Date().toISOString().slice(11, 19)} ${msg}`);

async function run(device: SimDevice, url: string): Promise<() => Promise<void>> {
  const state = new ThermostatState();
  let client: DeviceClient<Thermostat>;
  try {
    client = await connectDevice<Thermostat>({
      url,
      username: device.username,
      secret: device.secret,
      ...(device.clientId ? { clientId: device.clientId } : {}),
    });
  } catch (err) {
    console.error(`sim: ${device.name}: connection refused: ${(err as Error).message}`);
    return async () => {};
  }
  client.mqtt.on("offline", () => log(`${device.name}: offline, reconnecting`));
  client.mqtt.on("error", (err) => log(`${device.name}: ${err.message}`));
  log(`${device.name}: connected`);

  await client.onDesired(async (desired) => {
    state.apply(desired);
    log(`${device.name}: desired ${JSON.stringify(desired)}`);
    await client.reportAttributes({ target: state.target, mode: state.mode }).catch(() => {});
  });
  await client.onCommand("setTarget", async ({ target }) => {
    state.apply({ target });
    await client.reportAttributes({ target: state.target }).catch(() => {});
    log(`${device.name}: command setTarget ${target}`);
    return { target: state.target };
  });
  await client.onCommand("reboot", async ({ delay }) => {
    log(`${device.name}: command reboot (delay ${delay ?? 0} s)`);
    setTimeout(
      () => {
        client.mqtt.reconnect();
      },
      (delay ?? 0) * 1000 + 100,
    );
    return {};
  });
  await client.reportAttributes({ target: state.target, mode: state.mode }).catch(() => {});

  let last = Date.now();
  const timer = setInterval(async () => {
    if (!client.mqtt.connected) return;
    const now = Date.now();
    const reading = state.step((now - last) / 1000, now);
    last = now;
    try {
      await client.sendTelemetry(reading, { qos: Number(opts.qos) as 0 | 1 });
      if (reading.temperature > 30) await client.sendEvent("overheat", { temperature: reading.temperature }, { ts: now });
    } catch (err) {
      log(`${device.name}: publish failed: ${(err as Error).message}`);
    }
  }, opts.interval);
  return async () => {
    clearInterval(timer);
    await client.close();
  };
}

// npm runs workspace scripts in the package directory; paths are meant relative to where it was invoked.
const cwd = process.env.INIT_CWD ?? process.cwd();
const file = await readDevicesFile(resolve(cwd, opts.devices)).catch((err: Error) => {
  console.error(`sim: ${err.message}`);
  process.exit(1);
});
const url = opts.url ?? (file.mqtt ? `mqtt://${file.mqtt.host}:${file.mqtt.port}` : "mqtt://127.0.0.1:1883");
console.log(`sim: ${file.devices.length} device(s) → ${url}, every ${opts.interval} ms (Ctrl-C to stop)`);
const stops = await Promise.all(file.devices.map((d) => run(d, url)));

const stop = async () => {
  await Promise.all(stops.map((s) => s()));
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
if (opts.duration > 0) setTimeout(() => void stop(), opts.duration * 1000);
