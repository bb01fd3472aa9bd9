import { publicId } from "@aspen/core";
import { schema } from "@aspen/db";
import { and, eq, like } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getSystemDb } from "../../db";
import { oauthTestApp } from "../../oauth/test/client";
import { callerAs, createRoleWorld, ensureTestEnv, type RoleWorld } from "../../testing";
import { makeKey, notifyTest, rest } from "./testing";

ensureTestEnv();

let w: RoleWorld;
/** The owner's key (acts for the owner) and the developer's key, both reading and marking notifications. */
let ownerKey: string;
let devKey: string;
/** The owner's notifications, oldest first, and one of the developer's. */
let mine: string[];
let theirs: string;

const scopes = ["notifications:read", "notifications:write"] as const;

async function auditsOf(action: string) {
  return getSystemDb()
    .select()
    .from(schema.auditLogs)
    .where(and(eq(schema.auditLogs.tenantId, w.tenant.id), like(schema.auditLogs.action, action)));
}

beforeAll(async () => {
  w = await createRoleWorld();
  ownerKey = (await makeKey(w.users.owner, w.tenant.slug, [...scopes])).secret;
  devKey = (await makeKey(w.users.developer, w.tenant.slug, [...scopes])).secret;
  mine = [];
  for (let i = 0; i < 5; i++) mine.push(...(await notifyTest(w.tenant.id, [w.users.owner.id], `Hot ${i}`)));
  theirs = (await notifyTest(w.tenant.id, [w.users.developer.id], "Theirs")).join();
});

describe("notifications over REST", () => {
  it("lists the key creator's own notifications newest first, paged by cursor", async () => {
    const newestFirst = [...mine].reverse();
    const first = await rest("GET", "/notifications?limit=2", { token: ownerKey });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.items.map((n: { id: string }) => n.id)).toEqual(newestFirst.slice(0, 2));
    expect(first.body).toMatchObject({ hasMore: true, nextCursor: newestFirst[1] });
    expect(first.body.items[0]).toMatchObject({ kind: "alarm", severity: "major", title: "Hot 4", readAt: null, alarmId: null });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await rest(
        "GET",
        `/notifications?limit=2${cursor ? `&starting_after=${cursor}` : ""}`,
        { token: ownerKey },
      );
      seen.push(...page.body.items.map((n) => n.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(newestFirst);
    expect(seen).not.toContain(theirs);
  });

  it("refuses a cursor that is not one of the caller's notifications (400 invalid_cursor)", async () => {
    for (const cursor of [theirs, publicId("ntf", randomUUID())]) {
      const r = await rest("GET", `/notifications?starting_after=${cursor}`, { token: ownerKey });
      expect(r.status).toBe(400);
      expect(r.body.error).toMatchObject({ code: "invalid_cursor", details: [{ path: "starting_after" }] });
    }
    expect((await rest("GET", "/notifications?starting_after=dsh_x", { token: ownerKey })).body.error.code).toBe("invalid_input");
    expect((await rest("GET", "/notifications?limit=101", { token: ownerKey })).status).toBe(400);
  });

  it("marks one read (idempotently), counts the unread and filters by them, as the console sees it", async () => {
    const before = (await rest("GET", "/notifications/unread-count", { token: ownerKey })).body.count;
    expect(before).toBe(5);
    const read = await rest("POST", `/notifications/${mine[0]}/read`, { token: ownerKey });
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expect(read.body).toMatchObject({ id: mine[0], title: "Hot 0" });
    expect(read.body.readAt).not.toBeNull();
    const again = await rest("POST", `/notifications/${mine[0]}/read`, { token: ownerKey });
    expect(again.body.readAt).toBe(read.body.readAt);

    expect((await rest("GET", "/notifications/unread-count", { token: ownerKey })).body).toEqual({ count: 4 });
    // One service behind REST and the console's bell.
    expect(await callerAs(w.users.owner).notification.unreadCount({ tenantSlug: w.tenant.slug })).toEqual({ count: 4 });
    const unread = await rest("GET", "/notifications?unreadOnly=true", { token: ownerKey });
    expect(unread.body.items.map((n: { id: string }) => n.id)).toEqual([...mine.slice(1)].reverse());

    // Marked once, audited once, with the key as the actor.
    const audits = (await auditsOf("notification.read")).filter((a) => a.targetId === mine[0]);
    expect(audits.map((a) => [a.actorEmail?.startsWith("apiKey:key-"), a.actorUserId])).toEqual([[true, w.users.owner.id]]);
  });

  it("answers another member's notification like a missing one (404) and leaves it unread", async () => {
    const other = await rest("POST", `/notifications/${theirs}/read`, { token: ownerKey });
    expect(other.status).toBe(404);
    expect(other.body).toEqual((await rest("POST", `/notifications/${publicId("ntf", randomUUID())}/read`, { token: ownerKey })).body);
    expect((await rest("GET", "/notifications/unread-count", { token: devKey })).body).toEqual({ count: 1 });
    const listed = await rest("GET", "/notifications", { token: devKey });
    expect(listed.body.items.map((n: { id: string }) => n.id)).toEqual([theirs]);
  });

  it("marks all of the caller's read and no one else's", async () => {
    const all = await rest("POST", "/notifications/read-all", { token: ownerKey });
    expect(all.body).toEqual({ updated: 4 });
    expect((await rest("GET", "/notifications/unread-count", { token: ownerKey })).body).toEqual({ count: 0 });
    expect((await rest("POST", "/notifications/read-all", { token: ownerKey })).body).toEqual({ updated: 0 });
    expect((await rest("GET", "/notifications/unread-count", { token: devKey })).body).toEqual({ count: 1 });
    // Audited when something changed: one row for the four, none for the empty second call.
    const audits = (await auditsOf("notification.read_all")).filter((a) => a.actorUserId === w.users.owner.id);
    expect(audits.map((a) => [a.details, a.actorEmail?.startsWith("apiKey:key-")])).toEqual([[{ updated: 4 }, true]]);
  });

  it("reads and sets the caller's own preferences, audited", async () => {
    const set = await rest("PUT", "/notifications/preferences", {
      token: devKey,
      body: { emailSeverities: ["critical"], dailyDigest: true },
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ emailSeverities: ["critical"], dailyDigest: true });
    expect((await rest("GET", "/notifications/preferences", { token: devKey })).body).toMatchObject({ dailyDigest: true });
    expect((await rest("GET", "/notifications/preferences", { token: ownerKey })).body).toMatchObject({
      emailSeverities: ["critical", "major"],
      dailyDigest: false,
    });
    const audits = (await auditsOf("notification.preferences_update")).filter((a) => a.actorUserId === w.users.developer.id);
    expect(audits.map((a) => a.details)).toEqual([{ emailSeverities: ["critical"], dailyDigest: true }]);
    expect((await rest("PUT", "/notifications/preferences", { token: devKey, body: { dailyDigest: true } })).status).toBe(400);
  });
});

describe("OAuth tokens and notifications", () => {
  it("gives an authorization-code token the granting user's notifications and refuses the app's own token", async () => {
    const app = await oauthTestApp({ admin: w.users.admin, tenantSlug: w.tenant.slug, tenantId: w.tenant.id, scopes: [...scopes] });
    const userToken = await app.userToken(w.users.developer, [...scopes]);
    const listed = await rest("GET", "/notifications", { token: userToken });
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    expect(listed.body.items.map((n: { id: string }) => n.id)).toEqual([theirs]);

    // The app's own token borrows its registering admin's role but stands for no user: refused, not empty.
    const appToken = await app.appToken([...scopes]);
    for (const [method, path] of [
      ["GET", "/notifications"],
      ["GET", "/notifications/unread-count"],
      ["POST", `/notifications/${theirs}/read`],
      ["POST", "/notifications/read-all"],
    ] as const) {
      const r = await rest(method, path, { token: appToken });
      expect(r.status, `${method} ${path}`).toBe(403);
      expect(r.body.error.code).toBe("user_required");
    }
    expect((await rest("GET", "/notifications/unread-count", { token: devKey })).body).toEqual({ count: 1 });
  });
});
