import type { Aedes, Client } from "aedes";

/**
 * Every use of aedes internals (fields and behaviour its type declarations or README do not
 * promise) sits here, each with a test in `aedes-adapter.int.test.ts` that fails when an upgrade
 * changes it. Checked against aedes 1.2.0 (package.json pins it); re-run those tests on any upgrade.
 */
export const aedesVersionCheckedAgainst = "1.2.0";

const consumed = Symbol("consumedByIngest");
type Marked = { [consumed]?: true };
type PublishFn = (packet: object, client: unknown, done?: (err?: Error) => void) => void;

/**
 * Device publishes are consumed by the ingest path and never routed through aedes' emitter: nobody
 * subscribes to them, and a QoS 0 flood through mqemitter is what crashes a bare aedes. Internal:
 * `aedes.publish` is replaced (aedes' client handling calls `broker.publish(packet, client, done)`
 * after `authorizePublish`), and a packet marked with `consume()` completes without routing.
 * (A mark on the packet: a WeakSet entry per message cost more, in the set and in GC.)
 */
export function skipConsumedPublishes(aedes: Aedes): { consume(packet: object): void } {
  const routed = aedes.publish.bind(aedes) as PublishFn;
  (aedes as unknown as { publish: PublishFn }).publish = (packet, client, done) => {
    if ((packet as Marked)[consumed]) {
      const cb = typeof client === "function" ? (client as () => void) : done;
      return cb?.();
    }
    routed(packet, client, done);
  };
  return { consume: (packet) => void ((packet as Marked)[consumed] = true) };
}

/** The Last Will a connecting client sent (internal: `client._will`, set before `authenticate` runs). */
export interface Will {
  topic: string;
  retain?: boolean;
}

export function willOf(client: Client): Will | null {
  return (client as Client & { _will?: Will | null })._will ?? null;
}

/** Rewrites the Last Will in place (aedes publishes `client._will` as it is when the client dies). */
export function rewriteWill(client: Client, topic: string): void {
  const will = willOf(client);
  if (!will) return;
  will.topic = topic;
  will.retain = false;
}

/**
 * Replaces the client id during `authenticate` (internal: aedes registers the client in
 * `broker.clients` and its session under `client.id` only after authentication succeeded).
 */
export function setClientId(client: Client, id: string): void {
  (client as { id: string }).id = id;
}

/** The connection with this client id on this broker (internal: `broker.clients`, keyed by id). */
export function localClient(broker: Aedes, id: string): Client | undefined {
  return (broker as unknown as { clients: Record<string, Client | undefined> }).clients[id];
}

/** Every live connection on this broker (internal: `broker.clients`). */
export function localClients(broker: Aedes): Client[] {
  return Object.values((broker as unknown as { clients: Record<string, Client> }).clients);
}

/**
 * The topic filters a client is subscribed to (internal: `client.subscriptions`, keyed by filter;
 * a resumed session's are restored before `clientReady`).
 */
export function subscriptionsOf(client: Client): Record<string, unknown> {
  return (client as unknown as { subscriptions: Record<string, unknown> }).subscriptions;
}

/** Whether the client ended with a DISCONNECT packet (internal: `client._disconnected`). */
export function disconnectedGracefully(client: Client): boolean {
  return (client as unknown as { _disconnected?: boolean })._disconnected === true;
}

export interface Corkable {
  cork(): void;
  uncork(): void;
}

/** The client's socket when it can be corked (aedes writes packets to `client.conn`, a stream). */
export function corkableSocket(client: Client | null): Corkable | null {
  const conn = client?.conn as unknown as { cork?(): void; uncork?(): void; destroyed?: boolean } | undefined;
  return conn?.cork && conn.uncork && !conn.destroyed ? (conn as Corkable) : null;
}
