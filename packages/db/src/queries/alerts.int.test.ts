import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../client";
import { alarms, devices, products, webhookEndpoints, webhookSecrets } from "../schema";
import { withSystem, withTenant } from "../tenant";
import { createTestTenant, createTestUser, randomSuffix, testDb, testSystemDb, type TestTenant } from "../testing";
import { acknowledgeAlarm, autoClearAlarm, clearAlarmByHand, countOpenAlarms, insertAlertRule, listAlarms, raiseAlarm } from "./alerts";
import { addWebhookSecret, signingSecrets } from "./webhooks";

let db: Database;
let sys: Database;
let t: TestTenant;
let other: TestTenant;
let userId: string;
let productId: string;
let deviceId: string;
let ruleId: string;

beforeAll(async () => {
  db = testDb();
  sys = testSystemDb();
  const u = await createTestUser(sys);
  userId = u.id;
  t = await createTestTenant(sys, { ownerId: u.id });
  other = await createTestTenant(sys, { ownerId: u.id });
  await withSystem(sys, async (tx) => {
    const [p] = await tx
      .insert(products)
      .values({ tenantId: t.id, name: "p", thingModel: { properties: [], events: [], commands: [] }, productKey: `pk_${randomSuffix()}` })
      .returning();
    productId = p!.id;
    const [d] = await tx
      .insert(devices)
      .values({ tenantId: t.id, productId, name: "d", secretHash: `h-${randomSuffix()}`, secretHint: "x" })
      .returning();
    deviceId = d!.id;
    const r = await insertAlertRule(tx, {
      tenantId: t.id,
      productId,
      createdBy: null,
      spec: {
        name: "hot",
        description: "",
        enabled: true,
        severity: "major",
        deviceIds: [],
        labels: {},
        trigger: { type: "offline", forMinutes: 5 },
        actions: { webhookIds: [] },
      },
    });
    ruleId = r.id;
  });
});
afterAll(async () => {
  await db.$close();
  await sys.$close();
});

const change = (dedupKey: string) => ({
  tenantId: t.id,
  ruleId,
  deviceId,
  productId,
  severity: "major" as const,
  title: "hot",
  at: new Date(),
  values: { t: 31 },
  dedupKey,
});

describe("alarm lifecycle queries", () => {
  it("keeps one open alarm per (rule, device), is idempotent per dedupe key, and counts repeats once per key", async () => {
    const first = await withSystem(sys, (tx) => raiseAlarm(tx, change("e1-r-d-raise")));
    expect(first.event?.kind).toBe("created");
    const again = await withSystem(sys, (tx) => raiseAlarm(tx, change("e1-r-d-raise")));
    expect(again.alarm.id).toBe(first.alarm.id);
    expect(again.event?.id).toBe(first.event!.id);
    const other = await withSystem(sys, (tx) => raiseAlarm(tx, change("e2-r-d-raise")));
    expect(other.event).toBeNull();
    expect(other.alarm.id).toBe(first.alarm.id);
    expect(other.alarm.count).toBe(2);
    await withSystem(sys, (tx) => raiseAlarm(tx, change("e2-r-d-raise")));
    const rows = await withTenant(db, t.id, (tx) => listAlarms(tx, t.id, { page: 1, pageSize: 10 }));
    expect(rows.total).toBe(1);
    expect(rows.items[0]!.count).toBe(2);
    // The partial unique index itself refuses a second open alarm.
    await expect(
      withSystem(sys, (tx) => tx.insert(alarms).values({ ...change("x"), firstSeenAt: new Date(), lastSeenAt: new Date() })),
    ).rejects.toThrow();
  });

  it("acknowledges, clears automatically once, then a new alarm can open", async () => {
    const [open] = (await withTenant(db, t.id, (tx) => listAlarms(tx, t.id, { page: 1, pageSize: 10, status: ["active"] }))).items;
    expect(await withTenant(db, t.id, (tx) => acknowledgeAlarm(tx, t.id, open!.id, userId, "on it"))).toMatchObject({
      kind: "acknowledged",
      comment: "on it",
    });
    expect(await withTenant(db, t.id, (tx) => acknowledgeAlarm(tx, t.id, open!.id, userId, null))).toBeUndefined();
    expect((await withTenant(db, t.id, (tx) => countOpenAlarms(tx, t.id))).major).toBe(1);
    const cleared = await withSystem(sys, (tx) => autoClearAlarm(tx, change("e3-r-d-clear")));
    expect(cleared?.alarm.status).toBe("cleared");
    const twice = await withSystem(sys, (tx) => autoClearAlarm(tx, change("e3-r-d-clear")));
    expect(twice?.event?.id).toBe(cleared!.event!.id);
    expect((await withTenant(db, t.id, (tx) => countOpenAlarms(tx, t.id))).major).toBe(0);
    const next = await withSystem(sys, (tx) => raiseAlarm(tx, change("e4-r-d-raise")));
    expect(next.event?.kind).toBe("created");
    expect(await withTenant(db, t.id, (tx) => clearAlarmByHand(tx, t.id, next.alarm.id, userId, "fixed"))).toMatchObject({
      alarm: { clearReason: "manual" },
    });
  });

  it("hides alarms from other tenants (RLS)", async () => {
    const seen = await withTenant(db, other.id, (tx) => tx.select().from(alarms));
    expect(seen).toEqual([]);
  });
});

describe("webhook secrets", () => {
  it("are invisible to tenant transactions and overlap during a rotation", async () => {
    const [ep] = await withSystem(sys, (tx) =>
      tx.insert(webhookEndpoints).values({ tenantId: t.id, url: "https://example.com/h", secretHint: "x" }).returning(),
    );
    await withSystem(sys, (tx) => addWebhookSecret(tx, { tenantId: t.id, endpointId: ep!.id, secret: "whsec_old" }));
    await withSystem(sys, (tx) =>
      addWebhookSecret(tx, { tenantId: t.id, endpointId: ep!.id, secret: "whsec_new", overlapUntil: new Date(Date.now() + 60_000) }),
    );
    expect(await withSystem(sys, (tx) => signingSecrets(tx, ep!.id))).toEqual(["whsec_new", "whsec_old"]);
    expect(await withSystem(sys, (tx) => signingSecrets(tx, ep!.id, new Date(Date.now() + 120_000)))).toEqual(["whsec_new"]);
    expect(await withTenant(db, t.id, (tx) => tx.select().from(webhookSecrets))).toEqual([]);
    await expect(
      withTenant(db, t.id, (tx) => tx.insert(webhookSecrets).values({ tenantId: t.id, endpointId: ep!.id, secret: "whsec_x" })),
    ).rejects.toThrow();
  });
});
