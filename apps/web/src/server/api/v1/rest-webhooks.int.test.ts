import { parsePublicId, publicId } from "@aspen/core";
import { recordAttemptOutcome, schema, signingSecrets, withSystem } from "@aspen/db";
import { randomSuffix } from "@aspen/db/testing";
import { and, eq } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getSystemDb } from "../../db";
import { oauthTestApp } from "../../oauth/test/client";
import { createRoleWorld, ensureTestEnv, type RoleWorld } from "../../testing";
import { makeKey, rest } from "./testing";

ensureTestEnv();
// Webhook endpoints on loopback are refused unless allowed (development/test only); read once with the env.
process.env.WEBHOOK_ALLOW_LOOPBACK = "true";

let w: RoleWorld;
/** The owner's key that reads and manages webhooks. */
let key: string;

function uuid(prefix: "whk" | "dlv", id: string): string {
  const u = parsePublicId(prefix, id);
  if (!u) throw new Error(`not a ${prefix} id: ${id}`);
  return u;
}
async function newEndpoint(token = key) {
  const r = await rest("POST", "/webhooks", { token, body: { url: "http://127.0.0.1:9/hook", eventTypes: ["alarm.created"] } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { endpoint: { id: string; secretHint: string }; secret: string };
}
async function sendTest(endpointId: string, token = key) {
  const r = await rest("POST", `/webhooks/${endpointId}/test`, { token });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.deliveryId as string;
}
async function setRole(userId: string, role: "developer" | "viewer") {
  await getSystemDb()
    .update(schema.memberships)
    .set({ role })
    .where(and(eq(schema.memberships.tenantId, w.tenant.id), eq(schema.memberships.userId, userId)));
}
const ids = (r: { body: { items: { id: string }[] } }) => r.body.items.map((d) => d.id);

beforeAll(async () => {
  w = await createRoleWorld();
  key = (await makeKey(w.users.owner, w.tenant.slug, ["webhooks:read", "webhooks:write"])).secret;
});

describe("endpoints", () => {
  it("changes description, event types and URL; refuses private targets and unknown fields", async () => {
    const { endpoint } = await newEndpoint();
    const up = await rest("PATCH", `/webhooks/${endpoint.id}`, {
      token: key,
      body: { description: "ops", eventTypes: ["alarm.created", "alarm.cleared"], url: "http://127.0.0.1:9/other" },
    });
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    expect(up.body).toMatchObject({ id: endpoint.id, description: "ops", eventTypes: ["alarm.created", "alarm.cleared"] });
    expect(up.body.url).toBe("http://127.0.0.1:9/other");
    const priv = await rest("PATCH", `/webhooks/${endpoint.id}`, { token: key, body: { url: "http://10.0.0.1/hook" } });
    expect(priv.status).toBe(400);
    expect(priv.body.error.code).toBe("forbidden_target");
    const unknownType = await rest("PATCH", `/webhooks/${endpoint.id}`, { token: key, body: { eventTypes: ["device.exploded"] } });
    expect(unknownType.status).toBe(400);
    expect((await rest("PATCH", `/webhooks/${endpoint.id}`, { token: key, body: { secret: "whsec_x" } })).status).toBe(400);
    // Only POST actions may leave their body out; a PATCH says what it changes.
    const empty = await rest("PATCH", `/webhooks/${endpoint.id}`, { token: key, headers: { "content-type": "application/json" } });
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe("invalid_json");
    expect((await rest("GET", `/webhooks/${endpoint.id}`, { token: key })).body.url).toBe("http://127.0.0.1:9/other");
  });

  it("disables and enables an endpoint", async () => {
    const { endpoint } = await newEndpoint();
    const off = await rest("POST", `/webhooks/${endpoint.id}/disable`, { token: key });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ enabled: false, disabledReason: "manual" });
    const on = await rest("POST", `/webhooks/${endpoint.id}/enable`, { token: key });
    expect(on.body).toMatchObject({ enabled: true, disabledReason: null });
  });

  it("rotates the secret: the new one once, both sign during the overlap; 0 hours drops the old one", async () => {
    const made = await newEndpoint();
    const endpointId = uuid("whk", made.endpoint.id);
    const rotated = await rest("POST", `/webhooks/${made.endpoint.id}/rotate-secret`, { token: key });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(made.secret);
    expect(rotated.body.endpoint.secretHint).not.toBe(made.endpoint.secretHint);
    // Later reads never carry a secret.
    expect(JSON.stringify((await rest("GET", `/webhooks/${made.endpoint.id}`, { token: key })).body)).not.toContain(rotated.body.secret);
    const during = await withSystem(getSystemDb(), (tx) => signingSecrets(tx, endpointId));
    expect(during).toEqual([rotated.body.secret, made.secret]);
    // Just after the default 24 h overlap, only the new one signs.
    const after = await withSystem(getSystemDb(), (tx) => signingSecrets(tx, endpointId, new Date(Date.now() + 24 * 3600_000 + 60_000)));
    expect(after).toEqual([rotated.body.secret]);

    const atOnce = await rest("POST", `/webhooks/${made.endpoint.id}/rotate-secret`, { token: key, body: { overlapHours: 0 } });
    expect(await withSystem(getSystemDb(), (tx) => signingSecrets(tx, endpointId))).toEqual([atOnce.body.secret]);
    expect((await rest("POST", `/webhooks/${made.endpoint.id}/rotate-secret`, { token: key, body: { overlapHours: 73 } })).status).toBe(
      400,
    );
    const audits = await getSystemDb()
      .select()
      .from(schema.auditLogs)
      .where(and(eq(schema.auditLogs.tenantId, w.tenant.id), eq(schema.auditLogs.targetId, made.endpoint.id)));
    expect(audits.filter((a) => a.action === "webhook.rotate_secret").map((a) => a.details)).toEqual(
      expect.arrayContaining([{ overlapHours: 24 }, { overlapHours: 0 }]),
    );
    expect(JSON.stringify(audits)).not.toContain(atOnce.body.secret);
  });
});

describe("test events and the delivery log", () => {
  it("sends a test event (201, Location at the delivery) and honours Idempotency-Key", async () => {
    const { endpoint } = await newEndpoint();
    const idem = `idem-${randomSuffix()}`;
    const sent = await rest("POST", `/webhooks/${endpoint.id}/test`, { token: key, headers: { "idempotency-key": idem } });
    expect(sent.status).toBe(201);
    expect(sent.body).toEqual({ deliveryId: expect.stringMatching(/^dlv_/), endpointId: endpoint.id });
    expect(sent.headers.get("location")).toBe(`/api/v1/webhooks/${endpoint.id}/deliveries/${sent.body.deliveryId}`);
    const again = await rest("POST", `/webhooks/${endpoint.id}/test`, { token: key, headers: { "idempotency-key": idem } });
    expect(again.body).toEqual(sent.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");

    const got = await rest("GET", String(sent.headers.get("location")).replace("/api/v1", ""), { token: key });
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id: sent.body.deliveryId, endpointId: endpoint.id, eventType: "webhook.test", status: "pending" });
    expect(JSON.parse(got.body.body)).toMatchObject({ type: "webhook.test", data: { endpointId: endpoint.id } });
    const list = await rest("GET", `/webhooks/${endpoint.id}/deliveries`, { token: key });
    expect(ids(list)).toEqual([sent.body.deliveryId]);
  });

  it("lists deliveries newest first with their attempts, pages and filters by status, and replays", async () => {
    const { endpoint } = await newEndpoint();
    const first = await sendTest(endpoint.id);
    const made = [first];
    for (let i = 0; i < 3; i++) made.push(await sendTest(endpoint.id));
    await withSystem(getSystemDb(), (tx) =>
      recordAttemptOutcome(
        tx,
        {
          tenantId: w.tenant.id,
          deliveryId: uuid("dlv", first),
          endpointId: uuid("whk", endpoint.id),
          attempt: 1,
          at: new Date(),
          url: "http://127.0.0.1:9/hook",
          requestHeaders: { "webhook-id": "msg_1" },
          requestBody: "{}",
          responseStatus: 500,
          responseBody: "oops",
          error: null,
          durationMs: 12,
        },
        { status: "retrying", nextAttemptAt: new Date(Date.now() + 60_000) },
      ),
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const r: { status: number; body: any } = await rest(
        "GET",
        `/webhooks/${endpoint.id}/deliveries?limit=3${cursor ? `&starting_after=${cursor}` : ""}`,
        { token: key },
      );
      expect(r.status).toBe(200);
      seen.push(...ids(r));
      cursor = r.body.nextCursor;
      if (!r.body.hasMore) break;
    }
    expect(seen).toEqual([...made].reverse());

    const retrying = await rest("GET", `/webhooks/${endpoint.id}/deliveries?status=retrying`, { token: key });
    expect(ids(retrying)).toEqual([first]);
    expect(retrying.body.items[0]).toMatchObject({ attempts: 1, lastStatus: 500 });
    expect(retrying.body.items[0].attemptLog).toEqual([
      expect.objectContaining({
        attempt: 1,
        responseStatus: 500,
        responseBody: "oops",
        durationMs: 12,
        requestHeaders: { "webhook-id": "msg_1" },
      }),
    ]);
    expect((await rest("GET", `/webhooks/${endpoint.id}/deliveries?status=lost`, { token: key })).status).toBe(400);

    const replay = await rest("POST", `/webhooks/${endpoint.id}/deliveries/${first}/replay`, { token: key });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual({ deliveryId: first, replay: 1 });
    expect((await rest("POST", `/webhooks/${endpoint.id}/deliveries/${first}/replay`, { token: key })).body.replay).toBe(2);
    const after = await rest("GET", `/webhooks/${endpoint.id}/deliveries/${first}`, { token: key });
    expect(after.body).toMatchObject({ replays: 2, status: "pending" });
  });

  it("answers a delivery under another endpoint of the same tenant with 404", async () => {
    const a = await newEndpoint();
    const b = await newEndpoint();
    const d = await sendTest(a.endpoint.id);
    expect((await rest("GET", `/webhooks/${b.endpoint.id}/deliveries/${d}`, { token: key })).status).toBe(404);
    expect((await rest("POST", `/webhooks/${b.endpoint.id}/deliveries/${d}/replay`, { token: key })).status).toBe(404);
    const cursor = await rest("GET", `/webhooks/${b.endpoint.id}/deliveries?starting_after=${d}`, { token: key });
    expect(cursor.body.error.code).toBe("invalid_cursor");
    expect((await rest("GET", `/webhooks/${a.endpoint.id}/deliveries/${d}`, { token: key })).body.replays).toBe(0);
  });
});

describe("tenants, scopes and roles", () => {
  it("answers another tenant's endpoint and delivery like missing ones (404) on every operation", async () => {
    const { endpoint } = await newEndpoint();
    const d = await sendTest(endpoint.id);
    const other = (await makeKey(w.outsider, w.outsiderTenant.slug, ["webhooks:read", "webhooks:write"])).secret;
    const mine = (await newEndpoint(other)).endpoint.id;
    const missingE = publicId("whk", randomUUID());
    const missingD = publicId("dlv", randomUUID());
    const calls = (e: string, dl: string) =>
      [
        ["PATCH", `/webhooks/${e}`, { description: "mine now" }],
        ["POST", `/webhooks/${e}/enable`],
        ["POST", `/webhooks/${e}/disable`],
        ["POST", `/webhooks/${e}/rotate-secret`, { overlapHours: 0 }],
        ["POST", `/webhooks/${e}/test`],
        ["GET", `/webhooks/${e}/deliveries`],
        ["GET", `/webhooks/${e}/deliveries/${dl}`],
        ["POST", `/webhooks/${e}/deliveries/${dl}/replay`],
      ] as const;
    const missing = calls(missingE, missingD);
    for (const [i, [m, p, body]] of calls(endpoint.id, d).entries()) {
      const r = await rest(m, p, { token: other, body });
      expect(r.status, `${m} ${p}`).toBe(404);
      const [mm, mp, mbody] = missing[i] ?? [];
      expect(r.body, `${m} ${p}`).toEqual((await rest(String(mm), String(mp), { token: other, body: mbody })).body);
    }
    // A foreign delivery under the outsider's own endpoint is no better.
    expect((await rest("GET", `/webhooks/${mine}/deliveries/${d}`, { token: other })).status).toBe(404);
    expect((await rest("POST", `/webhooks/${mine}/deliveries/${d}/replay`, { token: other })).status).toBe(404);
    expect((await rest("GET", `/webhooks/${mine}/deliveries?starting_after=${d}`, { token: other })).body.error.code).toBe(
      "invalid_cursor",
    );
    // Nothing changed on the owner's side.
    const still = await rest("GET", `/webhooks/${endpoint.id}`, { token: key });
    expect(still.body).toMatchObject({ enabled: true, description: "" });
    expect(ids(await rest("GET", `/webhooks/${endpoint.id}/deliveries`, { token: key }))).toEqual([d]);
  });

  it("needs webhooks:read to read the log and webhooks:write for every change (403 insufficient_scope)", async () => {
    const { endpoint } = await newEndpoint();
    const d = await sendTest(endpoint.id);
    const readOnly = (await makeKey(w.users.owner, w.tenant.slug, ["webhooks:read"])).secret;
    expect((await rest("GET", `/webhooks/${endpoint.id}/deliveries`, { token: readOnly })).status).toBe(200);
    expect((await rest("GET", `/webhooks/${endpoint.id}/deliveries/${d}`, { token: readOnly })).status).toBe(200);
    for (const [m, p, body] of [
      ["PATCH", `/webhooks/${endpoint.id}`, { description: "x" }],
      ["POST", `/webhooks/${endpoint.id}/enable`],
      ["POST", `/webhooks/${endpoint.id}/disable`],
      ["POST", `/webhooks/${endpoint.id}/rotate-secret`],
      ["POST", `/webhooks/${endpoint.id}/test`],
      ["POST", `/webhooks/${endpoint.id}/deliveries/${d}/replay`],
    ] as const) {
      const r = await rest(m, p, { token: readOnly, body });
      expect(r.status, `${m} ${p}`).toBe(403);
      expect(r.body.error).toMatchObject({ code: "insufficient_scope", details: { required: "webhooks:write" } });
    }
    const none = (await makeKey(w.users.owner, w.tenant.slug, ["devices:read"])).secret;
    expect((await rest("GET", `/webhooks/${endpoint.id}/deliveries/${d}`, { token: none })).body.error.details.required).toBe(
      "webhooks:read",
    );
  });

  it("intersects a key's scopes with its creator's current role (developer demoted to viewer → 403 forbidden)", async () => {
    const dev = (await makeKey(w.users.developer, w.tenant.slug, ["webhooks:read", "webhooks:write"])).secret;
    const { endpoint } = await newEndpoint();
    await setRole(w.users.developer.id, "viewer");
    try {
      for (const [m, p] of [
        ["GET", `/webhooks/${endpoint.id}/deliveries`],
        ["POST", `/webhooks/${endpoint.id}/test`],
        ["POST", `/webhooks/${endpoint.id}/rotate-secret`],
      ] as const) {
        const r = await rest(m, p, { token: dev });
        expect(r.status, `${m} ${p}`).toBe(403);
        expect(r.body.error.code).toBe("forbidden");
      }
    } finally {
      await setRole(w.users.developer.id, "developer");
    }
  });

  it("OAuth tokens: a webhooks:read grant reads the log but cannot replay; the app's own token works in its tenant only", async () => {
    const app = await oauthTestApp({
      admin: w.users.admin,
      tenantSlug: w.tenant.slug,
      tenantId: w.tenant.id,
      scopes: ["webhooks:read", "webhooks:write"],
    });
    const { endpoint } = await newEndpoint();
    const d = await sendTest(endpoint.id);
    const reader = await app.userToken(w.users.developer, ["webhooks:read"]);
    expect(ids(await rest("GET", `/webhooks/${endpoint.id}/deliveries`, { token: reader }))).toEqual([d]);
    const refused = await rest("POST", `/webhooks/${endpoint.id}/deliveries/${d}/replay`, { token: reader });
    expect(refused.body.error.code).toBe("insufficient_scope");
    const own = await app.appToken(["webhooks:read", "webhooks:write"]);
    expect((await rest("POST", `/webhooks/${endpoint.id}/deliveries/${d}/replay`, { token: own })).body.replay).toBe(1);

    const foreign = await oauthTestApp({
      admin: w.outsider,
      tenantSlug: w.outsiderTenant.slug,
      tenantId: w.outsiderTenant.id,
      scopes: ["webhooks:read", "webhooks:write"],
    });
    const outsider = await foreign.appToken(["webhooks:read", "webhooks:write"]);
    expect((await rest("GET", `/webhooks/${endpoint.id}/deliveries/${d}`, { token: outsider })).status).toBe(404);
    expect((await rest("POST", `/webhooks/${endpoint.id}/test`, { token: outsider })).status).toBe(404);
  });

  it("rate-limits the webhook routes like the others (RateLimit headers)", async () => {
    const k = (await makeKey(w.users.owner, w.tenant.slug, ["webhooks:read"])).secret;
    const r = await rest("GET", `/webhooks/${publicId("whk", randomUUID())}/deliveries`, { token: k });
    expect(r.status).toBe(404);
    expect(r.headers.get("ratelimit-limit")).toBe("600");
    expect(r.headers.get("ratelimit-remaining")).toBe("599");
  });
});
