// Child process: N raw MQTT clients publishing QoS 0 as fast as their sockets take it, for a bounded time.
//   tsx flooder.ts <port> <credentials JSON: [{username?, password?, clientId}]> <topic> <durationMs>
import { RawClient } from "../lib/raw-mqtt";

const [port, credsJson, topic, durationMs] = process.argv.slice(2);
const creds = JSON.parse(credsJson!) as { username?: string; password?: string; clientId: string }[];
const payload = Buffer.from(JSON.stringify({ temperature: 21.5, humidity: 48 }));
const end = Date.now() + Number(durationMs);
let sent = 0;
let disconnected = 0;

await Promise.all(
  creds.map(async (c) => {
    let client: RawClient;
    try {
      client = await RawClient.connect(Number(port), c);
    } catch {
      disconnected++;
      return;
    }
    while (Date.now() < end && !client.closed) {
      let ok = true;
      for (let i = 0; i < 200 && ok; i++) {
        ok = client.publish0(topic!, payload);
        sent++;
      }
      // back-pressure: wait until the socket drains (or the run ends), as a real client's socket would
      if (!ok)
        await new Promise<void>((r) => {
          const t = setTimeout(r, Math.max(0, end - Date.now()));
          client.socket.once("drain", () => (clearTimeout(t), r()));
          client.socket.once("close", () => (clearTimeout(t), r()));
        });
      else await new Promise((r) => setImmediate(r));
    }
    if (client.closed) disconnected++;
    client.close();
  }),
);
console.log(JSON.stringify({ sent, disconnected }));
process.exit(0);
