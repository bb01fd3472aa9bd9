import { randomSuffix } from "@aspen/db/testing";
import { describe, expect, it } from "vitest";
import { POST as postResponse } from "../../app/api/device/v1/commands/[id]/response/route";
import { GET as getCommands } from "../../app/api/device/v1/commands/route";
import { POST as postTelemetry } from "../../app/api/device/v1/telemetry/route";
import { createDeviceWorld, createTestDevice } from "../device-api/testing";
import { callerAs, ensureTestEnv } from "../testing";

ensureTestEnv();

const base = "http://localhost:3000/api/device/v1";
const post = (path: string, secret: string, body: string) =>
  new Request(`${base}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body,
  });

describe("JSON depth limit on the device HTTP API", () => {
  it("a command result nested 5,000 deep is a 400, not a 500, and the command stays open", async () => {
    const w = await createDeviceWorld();
    const d = await createTestDevice(w);
    const dev = callerAs(w.users.developer);
    const c = await dev.command.send({ tenantSlug: w.slug, deviceId: d.id, method: "reboot" });
    // The device fetches it (now "sent"), then answers with a pathological result.
    await getCommands(new Request(`${base}/commands`, { headers: { authorization: `Bearer ${d.secret}` } }));
    const deep = `{"status":"succeeded","result":{"x":${"[".repeat(5000)}${"]".repeat(5000)}}}`;
    const res = await postResponse(post(`/commands/${c.id}/response`, d.secret, deep), { params: Promise.resolve({ id: c.id }) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/nested deeper/);
    expect((await dev.command.byId({ tenantSlug: w.slug, id: c.id })).status).not.toBe("succeeded");
    const tele = await postTelemetry(post("/telemetry", d.secret, `{"t${randomSuffix()}":${"[".repeat(5000)}${"]".repeat(5000)}}`));
    expect(tele.status).toBe(400);
  });
});
