"use client";

import { widgetKinds, type WidgetKind } from "@aspen/core/browser";
import { Button, Dialog, Field, Input, Select } from "@aspen/ui";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import type { Widget } from "./types";
import { kindLabel } from "./widget-frame";

/** A new widget without its place (the page puts it below the others). */
export type WidgetDraft = Widget extends infer W ? (W extends Widget ? Omit<W, "id" | "x" | "y" | "w" | "h"> : never) : never;

const numeric = (type: string) => type === "int" || type === "float";

/** Device + property pickers over the tenant's devices and the device's product thing model. */
function useDeviceModel(tenantSlug: string, deviceId: string) {
  const trpc = useTRPC();
  const devices = useQuery(trpc.device.list.queryOptions({ tenantSlug, page: 1, pageSize: 100 }));
  const productId = devices.data?.items.find((d) => d.id === deviceId)?.productId;
  const product = useQuery({ ...trpc.product.byId.queryOptions({ tenantSlug, id: productId ?? "" }), enabled: !!productId });
  return { devices: devices.data?.items ?? [], model: product.data?.thingModel };
}

function SeriesPicker({
  tenantSlug,
  value,
  onChange,
  filter,
  testId,
}: {
  tenantSlug: string;
  value: { deviceId: string; key: string };
  onChange: (v: { deviceId: string; key: string }) => void;
  filter: (type: string) => boolean;
  testId: string;
}) {
  const { t } = useI18n();
  const d = t.dashboards;
  const { devices, model } = useDeviceModel(tenantSlug, value.deviceId);
  const props = (model?.properties ?? []).filter((p) => filter(p.type));
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field label={d.device}>
        {(id) => (
          <Select
            id={id}
            value={value.deviceId}
            placeholder={devices.length ? d.pickDevice : d.noDevices}
            options={devices.map((x) => ({ value: x.id, label: x.name }))}
            onChange={(e) => onChange({ deviceId: e.target.value, key: "" })}
            data-testid={`${testId}-device`}
          />
        )}
      </Field>
      <Field label={d.property} hint={value.deviceId && model && props.length === 0 ? d.noProperties : undefined}>
        {(id, describedBy) => (
          <Select
            id={id}
            aria-describedby={describedBy}
            value={value.key}
            placeholder="—"
            options={props.map((p) => ({ value: p.identifier, label: p.unit ? `${p.name} (${p.unit})` : p.name }))}
            onChange={(e) => onChange({ ...value, key: e.target.value })}
            disabled={!value.deviceId}
            data-testid={`${testId}-key`}
          />
        )}
      </Field>
    </div>
  );
}

function CommandPicker({
  tenantSlug,
  value,
  onChange,
}: {
  tenantSlug: string;
  value: { deviceId: string; method: string };
  onChange: (v: { deviceId: string; method: string }) => void;
}) {
  const { t } = useI18n();
  const d = t.dashboards;
  const { devices, model } = useDeviceModel(tenantSlug, value.deviceId);
  const commands = model?.commands ?? [];
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <Field label={d.device}>
        {(id) => (
          <Select
            id={id}
            value={value.deviceId}
            placeholder={devices.length ? d.pickDevice : d.noDevices}
            options={devices.map((x) => ({ value: x.id, label: x.name }))}
            onChange={(e) => onChange({ deviceId: e.target.value, method: "" })}
            data-testid="widget-command-device"
          />
        )}
      </Field>
      <Field label={d.command} hint={value.deviceId && model && commands.length === 0 ? d.noCommands : undefined}>
        {(id, describedBy) => (
          <Select
            id={id}
            aria-describedby={describedBy}
            value={value.method}
            placeholder="—"
            options={commands.map((c) => ({ value: c.identifier, label: c.name }))}
            onChange={(e) => onChange({ ...value, method: e.target.value })}
            disabled={!value.deviceId}
            data-testid="widget-command-method"
          />
        )}
      </Field>
    </div>
  );
}

/** "Add widget": pick a kind, then what it shows from the tenant's devices and their products' properties. */
export function AddWidgetDialog({
  open,
  onClose,
  onAdd,
  tenantSlug,
}: {
  open: boolean;
  onClose: () => void;
  onAdd: (w: WidgetDraft) => void;
  tenantSlug: string;
}) {
  const { t, format } = useI18n();
  const d = t.dashboards;
  const [kind, setKind] = useState<WidgetKind>("value");
  const [title, setTitle] = useState("");
  const [series, setSeries] = useState([{ deviceId: "", key: "" }]);
  const [cmd, setCmd] = useState({ deviceId: "", method: "" });
  const [min, setMin] = useState("0");
  const [max, setMax] = useState("100");
  const one = series[0] ?? { deviceId: "", key: "" };
  const filled = series.filter((s) => s.deviceId && s.key);
  const draft: WidgetDraft | null =
    kind === "chart"
      ? filled.length > 0
        ? { kind, title, series: filled, range: "r1h" as const }
        : null
      : kind === "value" || kind === "state"
        ? one.deviceId && one.key
          ? { kind, title, ...one }
          : null
        : kind === "gauge"
          ? one.deviceId && one.key && Number(min) < Number(max)
            ? { kind, title, ...one, min: Number(min), max: Number(max) }
            : null
          : kind === "command"
            ? cmd.deviceId && cmd.method
              ? { kind, title, ...cmd, params: {} }
              : null
            : kind === "alarms"
              ? { kind, title, limit: 10 }
              : { kind, title };
  const reset = () => {
    setTitle("");
    setSeries([{ deviceId: "", key: "" }]);
    setCmd({ deviceId: "", method: "" });
  };
  const filter = kind === "state" ? (ty: string) => ty === "bool" || ty === "enum" : kind === "value" ? () => true : numeric;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={d.addWidget}
      testId="add-widget-dialog"
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {d.cancel}
          </Button>
          <Button
            disabled={!draft}
            onClick={() => {
              if (!draft) return;
              onAdd(draft);
              reset();
            }}
            data-testid="add-widget-confirm"
          >
            {d.add}
          </Button>
        </>
      }
    >
      <div className="space-y-4">
        <Field label={d.kind}>
          {(id) => (
            <Select
              id={id}
              value={kind}
              options={widgetKinds.map((k) => ({ value: k, label: kindLabel(d, k) }))}
              onChange={(e) => setKind(e.target.value as WidgetKind)}
              data-testid="widget-kind"
            />
          )}
        </Field>
        <Field label={d.widgetTitle}>
          {(id) => <Input id={id} value={title} maxLength={80} onChange={(e) => setTitle(e.target.value)} data-testid="widget-title" />}
        </Field>
        {kind === "chart" ? (
          <fieldset className="space-y-3">
            <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">{d.series}</legend>
            {series.map((s, i) => (
              <div key={i} className="flex items-end gap-2">
                <div className="flex-1">
                  <SeriesPicker
                    tenantSlug={tenantSlug}
                    value={s}
                    filter={numeric}
                    onChange={(v) => setSeries((list) => list.map((x, j) => (j === i ? v : x)))}
                    testId={`widget-series-${i}`}
                  />
                </div>
                {series.length > 1 ? (
                  <Button
                    variant="ghost"
                    size="sm"
                    aria-label={format(d.removeSeries, { name: String(i + 1) })}
                    onClick={() => setSeries((list) => list.filter((_, j) => j !== i))}
                  >
                    ×
                  </Button>
                ) : null}
              </div>
            ))}
            {series.length < 8 ? (
              <Button
                variant="secondary"
                size="sm"
                onClick={() => setSeries((l) => [...l, { deviceId: "", key: "" }])}
                data-testid="add-series"
              >
                {d.addSeries}
              </Button>
            ) : null}
          </fieldset>
        ) : kind === "value" || kind === "gauge" || kind === "state" ? (
          <SeriesPicker tenantSlug={tenantSlug} value={one} filter={filter} onChange={(v) => setSeries([v])} testId="widget-series-0" />
        ) : kind === "command" ? (
          <CommandPicker tenantSlug={tenantSlug} value={cmd} onChange={setCmd} />
        ) : null}
        {kind === "gauge" ? (
          <div className="grid grid-cols-2 gap-3">
            <Field label={d.min}>{(id) => <Input id={id} type="number" value={min} onChange={(e) => setMin(e.target.value)} />}</Field>
            <Field label={d.max}>{(id) => <Input id={id} type="number" value={max} onChange={(e) => setMax(e.target.value)} />}</Field>
          </div>
        ) : null}
      </div>
    </Dialog>
  );
}
