"use client";

import type { Property } from "@aspen/core/browser";
import { Badge, Button, Callout, Card, CardBody, CardHeader, Table, TBody, TD, TH, THead, TR } from "@aspen/ui";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { QueryBody } from "@/components/shell/query-body";
import { useCan, useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { DesiredForm } from "./desired-form";
import { useLatest } from "./latest-values";
import { displayValue } from "./typed-value";

/**
 * The device shadow: what the device reported next to what the cloud wants (desired), per property,
 * with the keys still waiting for the device marked; members who may write edit the desired values.
 */
export function AttributesCard({ deviceId, properties }: { deviceId: string; properties: readonly Property[] }) {
  const { t, format } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const canWrite = useCan("device.write");
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const shadow = useQuery(trpc.deviceShadow.get.queryOptions({ tenantSlug: tenant.slug, deviceId }));
  // Devices report most properties as telemetry, not shadow attributes: "Reported" shows those too.
  const latest = useLatest(deviceId);
  const telemetry = new Map((latest.data?.values ?? []).filter((v) => v.ts !== null).map((v) => [v.key, v.value]));
  const writable = properties.filter((p) => p.access === "rw");
  const known = new Set(properties.map((p) => p.identifier));

  return (
    <Card data-testid="device-attributes">
      <CardHeader
        title={t.attributes.title}
        description={shadow.data ? format(t.attributes.version, { version: shadow.data.version }) : t.attributes.subtitle}
        actions={
          canWrite && writable.length > 0 && !editing && shadow.data ? (
            <Button
              size="sm"
              variant="secondary"
              data-testid="desired-edit"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t.attributes.edit}
            </Button>
          ) : null
        }
      />
      <QueryBody query={shadow}>
        {(s) => {
          const extra = [...new Set([...Object.keys(s.reported), ...Object.keys(s.desired)])].filter((k) => !known.has(k)).sort();
          const rows = [
            ...properties.map((p) => ({ key: p.identifier, name: p.name, unit: p.unit, rw: p.access === "rw" })),
            ...extra.map((k) => ({ key: k, name: k, unit: undefined, rw: false })),
          ];
          return (
            <>
              {editing ? (
                <CardBody className="border-b border-zinc-200 dark:border-zinc-800">
                  <DesiredForm
                    deviceId={deviceId}
                    properties={writable}
                    desired={s.desired}
                    version={s.version}
                    onReload={() => shadow.refetch()}
                    onDone={() => {
                      setEditing(false);
                      setSaved(true);
                    }}
                  />
                </CardBody>
              ) : null}
              {saved && !editing ? (
                <CardBody className="pb-0">
                  <Callout tone="success" data-testid="desired-saved">
                    {t.attributes.saved}
                  </Callout>
                </CardBody>
              ) : null}
              {rows.length === 0 ? (
                <CardBody>
                  <p className="text-sm text-zinc-500 dark:text-zinc-400" data-testid="device-attributes-empty">
                    {t.attributes.empty}
                  </p>
                </CardBody>
              ) : (
                <Table>
                  <THead>
                    <tr>
                      <TH>{t.deviceData.property}</TH>
                      <TH>{t.attributes.reported}</TH>
                      <TH>{t.attributes.desired}</TH>
                    </tr>
                  </THead>
                  <TBody>
                    {rows.map((r) => (
                      <TR key={r.key} data-testid={`attribute-${r.key}`}>
                        <TD>
                          <span className="block">{r.name}</span>
                          <span className="font-mono text-xs text-zinc-500 dark:text-zinc-400">
                            {r.key}
                            {r.rw ? ` · ${t.thingModel.readWrite}` : ""}
                          </span>
                        </TD>
                        <TD className="font-mono" data-testid="attribute-reported">
                          {displayValue(s.reported[r.key] ?? telemetry.get(r.key), r.unit)}
                        </TD>
                        <TD className="font-mono" data-testid="attribute-desired">
                          {displayValue(s.desired[r.key], r.unit)}
                          {s.delta.includes(r.key) ? (
                            <Badge tone="amber" className="ml-2 font-sans" data-testid="attribute-pending">
                              {t.attributes.pending}
                            </Badge>
                          ) : null}
                        </TD>
                      </TR>
                    ))}
                  </TBody>
                </Table>
              )}
              {!canWrite && writable.length > 0 ? (
                <p
                  className="border-t border-zinc-200 px-4 py-2 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400"
                  data-testid="desired-readonly"
                >
                  {t.attributes.readOnly}
                </p>
              ) : null}
            </>
          );
        }}
      </QueryBody>
    </Card>
  );
}
