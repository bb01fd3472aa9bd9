import { mergeNewest, publicId } from "@aspen/core";
import { z } from "zod";
import { readCachedLatest } from "../../device-api/latest-cache";
import { requirePermission, tenantProcedure } from "../../trpc";
import { deviceInput, requireDeviceModel } from "./_device";

type Value = number | boolean | string;

/**
 * A device's latest value per key (from the device row, kept by the ingest path), every declared
 * property first (in thing-model order, `ts`/`value` null until reported), then undeclared keys
 * (products that keep unknown keys); plus online state and last seen. Values newer in the Redis cache
 * (written right after each commit) win over the device row (written about a second later).
 */
export const latest = tenantProcedure
  .use(requirePermission("device.read"))
  .input(z.object(deviceInput))
  .query(async ({ ctx, input }) => {
    const { device, product } = await ctx.withTenant((tx) => requireDeviceModel(tx, ctx.tenant.id, input.deviceId));
    const latest = mergeNewest({ ...device.latest }, await readCachedLatest(device.id));
    const declared = new Set(product.model.properties.map((p) => p.identifier));
    const values: {
      key: string;
      name: string;
      type: string | null;
      unit: string | null;
      declared: boolean;
      ts: number | null;
      value: Value | null;
    }[] = product.model.properties.map((p) => ({
      key: p.identifier,
      name: p.name,
      type: p.type,
      unit: p.unit ?? null,
      declared: true,
      ts: latest[p.identifier]?.ts ?? null,
      value: latest[p.identifier]?.value ?? null,
    }));
    for (const key of Object.keys(latest).sort()) {
      if (declared.has(key)) continue;
      const v = latest[key]!;
      values.push({ key, name: key, type: null, unit: null, declared: false, ts: v.ts, value: v.value });
    }
    return {
      deviceId: publicId("dev", device.id),
      online: device.enabled && device.online,
      enabled: device.enabled,
      lastSeenAt: device.lastSeenAt,
      lastConnectedAt: device.lastConnectedAt,
      messageCount: device.messageCount,
      errorCount: device.errorCount,
      values,
    };
  });
