import { createServer, type Server } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { brokerEnvVars, spawnBroker, type ChildBroker } from "./test/broker";
import { tryConnect } from "./test/mqtt";

// The test helper that starts a broker process: a port taken between `freePort` and the broker's bind (another
// process's outgoing connection can get it from the kernel) made a whole suite fail once with EADDRINUSE.

let child: ChildBroker | undefined;
let squatter: Server | undefined;
afterAll(async () => {
  child?.process.kill("SIGTERM");
  await child?.exited;
  await new Promise((r) => (squatter ? squatter.close(r) : r(null)));
});

describe("spawnBroker", () => {
  it("starts on another free port when the one it was given is taken, and says which in vars", async () => {
    const vars = await brokerEnvVars();
    squatter = createServer();
    await new Promise<void>((r) => squatter?.listen(Number(vars.MQTT_PORT), "127.0.0.1", r));
    const taken = vars.MQTT_PORT;
    child = await spawnBroker(vars);
    expect(vars.MQTT_PORT).not.toBe(taken);
    expect(child.url).toBe(`mqtt://127.0.0.1:${vars.MQTT_PORT}`);
    // Listening: the broker answers the CONNECT with a refusal code (5: not authorised), not a socket error (-1).
    const r = await tryConnect(child.url, { clientId: "spawn-check", username: "nobody", password: "wrong" });
    expect(r.code).toBeGreaterThan(0);
  });
});
