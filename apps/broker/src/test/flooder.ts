// Child process for the flood test: connects the devices given as JSON in argv[3] to argv[2] and
// publishes QoS 0 telemetry as fast as each socket accepts it, for argv[4] ms; prints the count.
import mqtt from "mqtt";

const [url, devicesJson, durationMs] = process.argv.slice(2);
const devices = JSON.parse(devicesJson!) as { username: string; secret: string }[];
const payload = JSON.stringify({ temperature: 21, humidity: 50 });
let sent = 0;
const end = Date.now() + Number(durationMs);

await Promise.all(
  devices.map(async (d) => {
    const c = mqtt.connect(url!, { protocolVersion: 4, reconnectPeriod: 0, username: d.username, password: d.secret });
    await new Promise((resolve, reject) => {
      c.once("connect", resolve);
      c.once("error", reject);
    });
    const socket = c.stream as unknown as { writableNeedDrain: boolean; once(e: string, f: () => void): void };
    while (Date.now() < end && c.connected) {
      while (!socket.writableNeedDrain && Date.now() < end) {
        c.publish("v1/devices/me/telemetry", payload, { qos: 0 });
        sent++;
        if (sent % 500 === 0) break;
      }
      await Promise.race([new Promise<void>((r) => socket.once("drain", r)), new Promise((r) => setTimeout(r, 20))]);
    }
    c.end(true);
  }),
);
console.log(JSON.stringify({ sent }));
process.exit(0);
