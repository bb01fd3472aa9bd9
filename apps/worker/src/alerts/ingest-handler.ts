import { ingestBatchSchema, ingestStreamField } from "@aspen/core";
import type { Database } from "@aspen/db";
import type { createProducer } from "@aspen/jobs";
import type { Logger } from "pino";
import type { WorkerMetrics } from "../metrics";
import type { WebhookEmitter } from "../webhooks/emit";
import { announceAlarms, announceBatchEvents } from "./announce";
import { applyEffects, evaluateEntries, type ParsedEntry } from "./process-entry";
import type { RuleCache } from "./rule-cache";
import type { IdlePairs } from "./idle-pairs";
import type { StateStore } from "./state-store";
import type { StreamEntry } from "./stream-consumer";

export interface IngestDeps {
  db: Database;
  cache: RuleCache;
  store: StateStore;
  idle?: IdlePairs;
  producer: ReturnType<typeof createProducer>;
  webhooks: WebhookEmitter;
  metrics: WorkerMetrics;
  log: Logger;
}

/** Handles the entries of one stream read: evaluate them together, write alarms, then notifications and webhooks. */
export function createIngestHandler(d: IngestDeps) {
  return async (read: StreamEntry[]): Promise<void> => {
    const entries: ParsedEntry[] = [];
    for (const [id, fields] of read) {
      const i = fields.indexOf(ingestStreamField);
      try {
        entries.push({ id, batch: ingestBatchSchema.parse(JSON.parse(fields[i + 1] ?? "")) });
      } catch (err) {
        // A malformed entry can never succeed: log it and let it be acknowledged.
        d.log.warn({ entry: id, err: (err as Error).message.slice(0, 300) }, "ignoring malformed ingest stream entry");
        d.metrics.streamEntries.inc({ result: "invalid" });
      }
    }
    const last = entries[entries.length - 1];
    if (!last) return;
    const end = d.metrics.batchSeconds.startTimer();
    const { pairs, evaluations } = await evaluateEntries(d, entries);
    for (const p of pairs) d.metrics.ruleEvaluations.inc({ trigger: p.rule.triggerType });
    const withEffects = pairs.filter((p) => p.effects.length > 0);
    const names = new Map<string, string>();
    if (withEffects.length) for (const [k, v] of await d.cache.devices(withEffects.map((p) => p.deviceId))) if (v) names.set(k, v.name);
    const { announcements, changes } = await applyEffects(d.db, withEffects, names);
    for (const [change, n] of Object.entries(changes)) if (n) d.metrics.alarms.inc({ change }, n);
    if (changes.raised) d.metrics.alarmLagSeconds.observe(Math.max(0, Date.now() - last.batch.committedAt) / 1000);
    await announceAlarms(d, announcements);
    for (const e of entries) await announceBatchEvents(d.webhooks, e.id, e.batch);
    end();
    d.metrics.streamEntries.inc({ result: evaluations > 0 ? "evaluated" : "no_rules" }, entries.length);
  };
}
