import { alertRulesCacheTtlMs, alertRulesChangedMessage } from "@aspen/core";
import { deviceLabelsOf, enabledRulesOfProducts, type AlertRuleRow, type Database } from "@aspen/db";
import type { Redis } from "ioredis";

interface Entry<T> {
  value: T;
  at: number;
}

/**
 * Enabled rules per product and device labels, cached for a few seconds and dropped at once when
 * the web app publishes a change: a saved rule takes effect within `alertRulesCacheTtlMs`.
 */
export function createRuleCache(db: Database, opts: { ttlMs?: number; now?: () => number } = {}) {
  const ttl = opts.ttlMs ?? alertRulesCacheTtlMs;
  const now = opts.now ?? Date.now;
  const rules = new Map<string, Entry<AlertRuleRow[]>>();
  const labels = new Map<string, Entry<{ labels: Record<string, string>; name: string } | null>>();
  const fresh = (e: Entry<unknown> | undefined) => e !== undefined && now() - e.at < ttl;

  return {
    /** Enabled rules of each product (one query for all products not cached). */
    async rulesOf(productIds: Iterable<string>): Promise<Map<string, AlertRuleRow[]>> {
      const ids = [...new Set(productIds)];
      const missing = ids.filter((id) => !fresh(rules.get(id)));
      if (missing.length) {
        const rows = await enabledRulesOfProducts(db, missing);
        const at = now();
        for (const id of missing) rules.set(id, { value: [], at });
        for (const r of rows) rules.get(r.productId)!.value.push(r);
      }
      return new Map(ids.map((id) => [id, rules.get(id)!.value]));
    },
    /** Labels and names of devices (null when the device is gone). */
    async devices(ids: Iterable<string>) {
      const all = [...new Set(ids)];
      const missing = all.filter((id) => !fresh(labels.get(id)));
      if (missing.length) {
        const found = await deviceLabelsOf(db, missing);
        const at = now();
        for (const id of missing) labels.set(id, { value: found.get(id) ?? null, at });
      }
      return new Map(all.map((id) => [id, labels.get(id)!.value]));
    },
    /** Drops a product's rules (or all) and all device labels. */
    invalidate(productId?: string) {
      if (productId) rules.delete(productId);
      else rules.clear();
      labels.clear();
    },
    /** Subscribes to the web app's change messages on `channel` with a dedicated connection. */
    async subscribe(sub: Redis, channel: string) {
      sub.on("message", (_ch, raw) => {
        try {
          const m = alertRulesChangedMessage.parse(JSON.parse(raw));
          this.invalidate(m.productId);
        } catch {
          this.invalidate();
        }
      });
      await sub.subscribe(channel);
    },
  };
}
export type RuleCache = ReturnType<typeof createRuleCache>;
