import {
  dashboardRangeWindow,
  layoutDeviceIds,
  mergeNewest,
  parsePublicId,
  propertyDecimals,
  publicId,
  type DashboardLayout,
  type DashboardRange,
  type Widget,
} from "@aspen/core";
import { dashboardDeviceCounts, dashboardDevices, dashboardOpenAlarms } from "@aspen/db";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { readCachedLatest } from "../../device-api/latest-cache";
import { loadProductModel, type ProductModel } from "../../device-api/thing-models";
import { inTenant, type Scope } from "../scope";
import { telemetryHistory, telemetryHistoryInput, telemetryHistoryOutput } from "../telemetry/history";

const value = z.union([z.number(), z.boolean(), z.string()]);
const deviceBrief = z.object({ id: z.string(), name: z.string(), online: z.boolean() });
const propertyBrief = z.object({
  key: z.string(),
  name: z.string(),
  type: z.string(),
  unit: z.string().nullable(),
  decimals: z.number(),
  enumValues: z.array(z.string()).nullable(),
});

/** What one widget shows; `error` says why it has nothing (a device deleted, a key no longer declared). */
export const widgetDataSchema = z.discriminatedUnion("kind", [
  z.object({ id: z.string(), kind: z.literal("chart"), error: z.string().nullable(), history: telemetryHistoryOutput.nullable() }),
  z.object({
    id: z.string(),
    kind: z.enum(["value", "gauge", "state"]),
    error: z.string().nullable(),
    device: deviceBrief.nullable(),
    property: propertyBrief.nullable(),
    ts: z.number().nullable(),
    value: value.nullable(),
  }),
  z.object({
    id: z.string(),
    kind: z.literal("status"),
    error: z.string().nullable(),
    counts: z.object({ total: z.number().int(), online: z.number().int(), enabled: z.number().int() }),
  }),
  z.object({
    id: z.string(),
    kind: z.literal("alarms"),
    error: z.string().nullable(),
    alarms: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        severity: z.string(),
        status: z.string(),
        deviceId: z.string(),
        deviceName: z.string(),
        lastSeenAt: z.date(),
      }),
    ),
  }),
  z.object({
    id: z.string(),
    kind: z.literal("command"),
    error: z.string().nullable(),
    device: deviceBrief.nullable(),
    command: z.object({ identifier: z.string(), name: z.string() }).nullable(),
  }),
]);
export type WidgetData = z.infer<typeof widgetDataSchema>;

export interface WidgetDataOptions {
  timeZone: string;
  /** Chart ranges picked in the view, by widget id (the widget's own range otherwise). */
  ranges?: Record<string, DashboardRange>;
  /** Status counts and alarms over the dashboard's devices only (a shared view), not the tenant. */
  onlyLayoutDevices: boolean;
  now?: number;
}

const why = (err: unknown) => (err instanceof TRPCError ? err.message : "Could not load this widget");

/**
 * Everything the widgets of `layout` show, read in the scope's tenant: chart histories (through the
 * history service), latest values of the widgets' devices (device row merged with the Redis cache),
 * device status counts and open alarms. A widget whose device or key is gone gets an `error`, the
 * others still load.
 */
export async function loadWidgetData(scope: Scope, layout: DashboardLayout, opts: WidgetDataOptions): Promise<WidgetData[]> {
  const tenantId = scope.tenant.id;
  const deviceUuids = layoutDeviceIds(layout)
    .map((id) => parsePublicId("dev", id))
    .filter((u): u is string => u !== null);
  const needs = new Set(layout.widgets.map((w) => w.kind));
  const base = await inTenant(scope, async (tx) => {
    const devices = await dashboardDevices(tx, tenantId, deviceUuids);
    const models = new Map<string, ProductModel | undefined>();
    for (const d of devices) if (!models.has(d.productId)) models.set(d.productId, await loadProductModel(tx, d.productId));
    const only = opts.onlyLayoutDevices ? deviceUuids : null;
    const counts = needs.has("status") ? await dashboardDeviceCounts(tx, tenantId, only) : null;
    const alarmLimit = Math.max(0, ...layout.widgets.map((w) => (w.kind === "alarms" ? w.limit : 0)));
    const alarms = alarmLimit > 0 ? await dashboardOpenAlarms(tx, tenantId, only, alarmLimit) : [];
    return { devices, models, counts, alarms };
  });
  const byId = new Map(base.devices.map((d) => [publicId("dev", d.id), d]));
  const latest = new Map(
    await Promise.all(
      base.devices.map(async (d) => [publicId("dev", d.id), mergeNewest({ ...d.latest }, await readCachedLatest(d.id))] as const),
    ),
  );
  const brief = (id: string) => {
    const d = byId.get(id);
    return d ? { id, name: d.name, online: d.enabled && d.online } : null;
  };
  const now = opts.now ?? Date.now();

  const one = async (w: Widget): Promise<WidgetData> => {
    switch (w.kind) {
      case "chart": {
        const window = dashboardRangeWindow(opts.ranges?.[w.id] ?? w.range, now);
        try {
          const input = telemetryHistoryInput.parse({ series: w.series, from: window.from, to: window.to, timeZone: opts.timeZone });
          return { id: w.id, kind: "chart", error: null, history: await telemetryHistory(scope, input) };
        } catch (err) {
          return { id: w.id, kind: "chart", error: why(err), history: null };
        }
      }
      case "value":
      case "gauge":
      case "state": {
        const device = brief(w.deviceId);
        const d = byId.get(w.deviceId);
        const p = d ? base.models.get(d.productId)?.model.properties.find((x) => x.identifier === w.key) : undefined;
        const v = latest.get(w.deviceId)?.[w.key];
        const property = p
          ? {
              key: p.identifier,
              name: p.name,
              type: p.type,
              unit: p.unit ?? null,
              decimals: propertyDecimals(p),
              enumValues: p.enumValues ?? null,
            }
          : null;
        const error = !device ? "Device not found" : !property ? `${w.key} is not a property of this device's product` : null;
        return { id: w.id, kind: w.kind, error, device, property, ts: v?.ts ?? null, value: v?.value ?? null };
      }
      case "status":
        return { id: w.id, kind: "status", error: null, counts: base.counts ?? { total: 0, online: 0, enabled: 0 } };
      case "alarms":
        return {
          id: w.id,
          kind: "alarms",
          error: null,
          alarms: base.alarms.slice(0, w.limit).map((a) => ({
            id: publicId("alm", a.id),
            title: a.title,
            severity: a.severity,
            status: a.status,
            deviceId: publicId("dev", a.deviceId),
            deviceName: a.deviceName,
            lastSeenAt: a.lastSeenAt,
          })),
        };
      case "command": {
        const device = brief(w.deviceId);
        const d = byId.get(w.deviceId);
        const c = d ? base.models.get(d.productId)?.model.commands.find((x) => x.identifier === w.method) : undefined;
        const error = !device ? "Device not found" : !c ? `${w.method} is not a command of this device's product` : null;
        return { id: w.id, kind: "command", error, device, command: c ? { identifier: c.identifier, name: c.name } : null };
      }
    }
  };
  return Promise.all(layout.widgets.map(one));
}
