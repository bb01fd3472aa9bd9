import { Aedes, type Client } from "aedes";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createServer, type Server } from "node:net";
import { createRequire } from "node:module";
import mqtt, { type MqttClient } from "mqtt";
import { afterEach, describe, expect, it } from "vitest";
import {
  aedesVersionCheckedAgainst,
  corkableSocket,
  disconnectedGracefully,
  localClient,
  localClients,
  rewriteWill,
  setClientId,
  skipConsumedPublishes,
  subscriptionsOf,
  willOf,
} from "./aedes-adapter";
import { freePort } from "./test/broker";
import { waitFor } from "./test/mqtt";

// One test per aedes internal the broker relies on: an aedes upgrade that changes one fails here.

let broker: Aedes | undefined;
let server: Server | undefined;
const clients: MqttClient[] = [];

async function start(opts: Parameters<typeof Aedes.createBroker>[0] = {}) {
  broker = await Aedes.createBroker(opts);
  server = createServer(broker.handle);
  const port = await freePort();
  await new Promise<void>((r) => server!.listen(port, "127.0.0.1", r));
  return { broker, url: `mqtt://127.0.0.1:${port}` };
}

async function client(url: string, opts: mqtt.IClientOptions = {}) {
  const c = await mqtt.connectAsync(url, { protocolVersion: 4, reconnectPeriod: 0, ...opts });
  clients.push(c);
  return c;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.end(true);
  if (broker) await new Promise<void>((r) => broker!.close(() => r()));
  if (server) await new Promise<void>((r) => server!.close(() => r()));
  broker = undefined;
  server = undefined;
});

describe("aedes adapter", () => {
  it("is checked against the aedes version installed", () => {
    // The package.json node's resolution would load (aedes' exports do not expose it).
    const dirs = createRequire(import.meta.url).resolve.paths("aedes") ?? [];
    const file = dirs.map((d) => join(d, "aedes/package.json")).find((f) => existsSync(f))!;
    const pkg = JSON.parse(readFileSync(file, "utf8")) as { version: string };
    expect(pkg.version).toBe(aedesVersionCheckedAgainst);
  });

  it("skipConsumedPublishes: a consumed publish is acknowledged but routed nowhere; others still are", async () => {
    let consume: (p: object) => void = () => {};
    const { broker: b, url } = await start({
      authorizePublish: (_c, packet, done) => {
        if (packet.topic === "consumed") consume(packet);
        done(null);
      },
    });
    consume = skipConsumedPublishes(b).consume;
    const sub = await client(url);
    await sub.subscribeAsync("#", { qos: 1 });
    const got: string[] = [];
    sub.on("message", (t) => got.push(t));
    const pub = await client(url);
    await pub.publishAsync("consumed", "x", { qos: 1 }); // PUBACK arrives
    await pub.publishAsync("routed", "y", { qos: 1 });
    await waitFor(async () => got.includes("routed"));
    expect(got).toEqual(["routed"]);
  });

  it("willOf / rewriteWill: the will is readable and rewritable in authenticate, and published as rewritten", async () => {
    let seen: ReturnType<typeof willOf> = null;
    const { url } = await start({
      authenticate: (c: Client, _u, _p, done) => {
        seen = willOf(c) && { ...willOf(c)! };
        rewriteWill(c, "rewritten/will");
        done(null, true);
      },
    });
    const sub = await client(url);
    await sub.subscribeAsync("#", { qos: 0 });
    const got: string[] = [];
    sub.on("message", (t) => got.push(t));
    const dying = await client(url, { will: { topic: "original/will", payload: Buffer.from("bye"), qos: 0, retain: true } });
    expect(seen).toMatchObject({ topic: "original/will", retain: true });
    (dying.stream as unknown as { destroy(): void }).destroy(); // not a DISCONNECT: the will goes out
    await waitFor(async () => got.length > 0);
    expect(got).toEqual(["rewritten/will"]);
  });

  it("setClientId / localClient / localClients: the id set in authenticate keys broker.clients", async () => {
    const { broker: b, url } = await start({
      authenticate: (c: Client, _u, _p, done) => {
        setClientId(c, "device-uuid");
        done(null, true);
      },
    });
    await client(url, { clientId: "what-the-device-sent" });
    await waitFor(async () => localClient(b, "device-uuid"));
    expect(localClient(b, "what-the-device-sent")).toBeUndefined();
    expect(localClients(b).map((c) => c.id)).toEqual(["device-uuid"]);
  });

  it("subscriptionsOf: the filters a client subscribed to, by filter", async () => {
    const { broker: b, url } = await start();
    const c = await client(url, { clientId: "s1" });
    await c.subscribeAsync("a/+/b", { qos: 1 });
    const server = await waitFor(async () => localClient(b, "s1"));
    expect(Object.keys(subscriptionsOf(server))).toEqual(["a/+/b"]);
  });

  it("disconnectedGracefully: true after DISCONNECT, false when the socket just dies", async () => {
    const { broker: b, url } = await start();
    const seen = new Map<string, boolean>();
    b.on("clientDisconnect", (c) => seen.set(c.id, disconnectedGracefully(c)));
    const polite = await client(url, { clientId: "polite" });
    const rude = await client(url, { clientId: "rude" });
    await polite.endAsync();
    (rude.stream as unknown as { destroy(): void }).destroy();
    await waitFor(async () => seen.size === 2);
    expect(Object.fromEntries(seen)).toEqual({ polite: true, rude: false });
  });

  it("corkableSocket: a live client's conn can be corked; a closed one's cannot", async () => {
    const { broker: b, url } = await start();
    const c = await client(url, { clientId: "k1" });
    const server = await waitFor(async () => localClient(b, "k1"));
    const sock = corkableSocket(server);
    expect(sock).not.toBeNull();
    sock!.cork();
    sock!.uncork();
    c.end(true);
    await waitFor(async () => localClient(b, "k1") === undefined);
    expect(corkableSocket(server)).toBeNull();
    expect(corkableSocket(null)).toBeNull();
  });
});
