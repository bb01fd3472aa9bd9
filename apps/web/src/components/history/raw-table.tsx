"use client";

import type { Property } from "@aspen/core/browser";
import { Button, EmptyState, Select, Skeleton, Table, TBody, TD, TH, THead, TR } from "@aspen/ui";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { QueryError } from "@/components/shell/error-state";
import { useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { formatMeasurement } from "./ranges";

/** Stored values of one property in the range, newest first, paged with a cursor (older / newer). */
export function RawTable({
  deviceId,
  properties,
  from,
  to,
}: {
  deviceId: string;
  properties: readonly Property[];
  from: number;
  to: number;
}) {
  const { t, locale } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const [key, setKey] = useState(properties[0]?.identifier ?? "");
  // Cursors of the pages opened so far (undefined = newest page).
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const current = properties.find((p) => p.identifier === key) ?? properties[0];
  const before = cursors.at(-1);
  const q = useQuery({
    ...trpc.history.raw.queryOptions(
      { tenantSlug: tenant.slug, deviceId, key: current?.identifier ?? "", from: new Date(from), to: new Date(to), before, pageSize: 20 },
      { enabled: !!current },
    ),
    placeholderData: keepPreviousData,
  });
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium" });
  if (!current) return null;
  return (
    <div className="space-y-2" data-testid="history-raw">
      <div className="flex flex-wrap items-center gap-2">
        <h4 className="text-sm font-medium">{t.history.rawTable}</h4>
        <Select
          aria-label={t.history.rawKey}
          className="h-8 w-auto"
          value={current.identifier}
          onChange={(e) => {
            setKey(e.target.value);
            setCursors([undefined]);
          }}
          options={properties.map((p) => ({ value: p.identifier, label: `${p.name} (${p.identifier})` }))}
          data-testid="history-raw-key"
        />
      </div>
      {q.isPending ? (
        <Skeleton className="h-40" />
      ) : q.error ? (
        <QueryError error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <EmptyState title={t.history.noRawValues} testId="history-raw-empty" />
      ) : (
        <>
          <Table>
            <THead>
              <tr>
                <TH>{t.history.time}</TH>
                <TH className="text-right">{t.history.value}</TH>
              </tr>
            </THead>
            <TBody>
              {q.data.items.map((r) => (
                <TR key={r.ts} data-testid="history-raw-row">
                  <TD className="whitespace-nowrap tabular-nums">{time.format(r.ts)}</TD>
                  <TD className="text-right font-mono tabular-nums">
                    {formatMeasurement(r.value, { type: q.data.type, unit: q.data.unit }, locale)}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
          <div className="flex justify-end gap-2">
            <Button
              size="sm"
              variant="secondary"
              disabled={cursors.length <= 1}
              onClick={() => setCursors((c) => c.slice(0, -1))}
              data-testid="history-raw-newer"
            >
              {t.history.newer}
            </Button>
            <Button
              size="sm"
              variant="secondary"
              disabled={q.data.next === null}
              onClick={() => setCursors((c) => [...c, q.data.next ?? undefined])}
              data-testid="history-raw-older"
            >
              {t.history.older}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
