// Child process: N mqtt.js clients publishing QoS 0 in a tight loop (what a naive "as fast as you
// can" client does: mqtt.js queues in memory when the socket is full), for a bounded time.
//   tsx flooder-mqttjs.ts <port> <credentials JSON> <topic> <durationMs>
import mqtt from "mqtt";

const [port, credsJson, topic, durationMs] = process.argv.slice(2);
const creds = JSON.parse(credsJson!) as { username?: string; password?: string; clientId: string }[];
const payload = JSON.stringify({ temperature: 21.5, humidity: 48 });
const end = Date.now() + Number(durationMs);
let sent = 0;
let disconnected = 0;
await Promise.all(
  creds.map(async (c) => {
    const client = mqtt.connect(`mqtt://127.0.0.1:${port}`, {
      protocolVersion: 4,
      reconnectPeriod: 0,
      clientId: c.clientId,
      username: c.username,
      password: c.password,
    });
    try {
      await new Promise((resolve, reject) => {
        client.once("connect", resolve);
        client.once("error", reject);
      });
    } catch {
      disconnected++;
      return;
    }
    let closed = false;
    client.on("close", () => (closed = true));
    while (Date.now() < end && !closed) {
      for (let i = 0; i < 1000; i++) client.publish(topic!, payload, { qos: 0 });
      sent += 1000;
      await new Promise((r) => setImmediate(r));
    }
    if (closed) disconnected++;
    client.end(true);
  }),
);
console.log(JSON.stringify({ sent, disconnected }));
process.exit(0);
