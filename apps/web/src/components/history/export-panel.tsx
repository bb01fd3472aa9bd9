"use client";

import type { ExportFormat } from "@aspen/core/browser";
import { Button, Callout, buttonClasses } from "@aspen/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { errorData, errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { useExportDownload } from "./use-export-download";

/**
 * Export buttons for the device's range: a streamed download with a progress bar, or — above the
 * stream limit — a background export polled until its file is ready (downloadable for 24 h).
 */
export function ExportPanel({ deviceId, from, to }: { deviceId: string; from: number; to: number }) {
  const { t, format, locale } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const download = useExportDownload();
  const [fileExport, setFileExport] = useState<string | null>(null);
  const start = useMutation(
    trpc.telemetryExport.start.mutationOptions({
      onSuccess: (e) => {
        if (e.mode === "stream")
          void download.start(e.downloadUrl, { headerLines: e.format === "csv" ? 1 : 0, fileName: `telemetry.${e.format}` });
        else setFileExport(e.id);
      },
    }),
  );
  const polled = useQuery({
    ...trpc.telemetryExport.byId.queryOptions({ tenantSlug: tenant.slug, id: fileExport ?? "exp_" }, { enabled: fileExport !== null }),
    refetchInterval: (q) => (q.state.data && ["done", "failed", "empty", "expired"].includes(q.state.data.status) ? false : 2000),
  });
  const n = (v: number) => v.toLocaleString(locale);
  const run = (f: ExportFormat) => {
    download.reset();
    setFileExport(null);
    start.mutate({ tenantSlug: tenant.slug, deviceId, from: new Date(from), to: new Date(to), format: f });
  };
  const s = download.state;
  const p = polled.data;
  return (
    <div className="space-y-2" data-testid="history-export">
      <div className="flex flex-wrap items-center gap-2">
        <h4 className="text-sm font-medium">{t.history.exportTitle}</h4>
        <span className="text-xs text-zinc-500 dark:text-zinc-400">{t.history.exportHint}</span>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          variant="secondary"
          loading={start.isPending && start.variables?.format === "csv"}
          disabled={s.phase === "running"}
          onClick={() => run("csv")}
          data-testid="export-csv"
        >
          {t.history.exportCsv}
        </Button>
        <Button
          size="sm"
          variant="secondary"
          loading={start.isPending && start.variables?.format === "jsonl"}
          disabled={s.phase === "running"}
          onClick={() => run("jsonl")}
          data-testid="export-jsonl"
        >
          {t.history.exportJsonl}
        </Button>
      </div>
      {start.error ? (
        <Callout tone={errorData(start.error).reason === "empty_range" ? "info" : "danger"} data-testid="export-error">
          {errorData(start.error).reason === "empty_range" ? t.history.exportEmpty : errorMessage(start.error, t.common.somethingWrong)}
        </Callout>
      ) : null}
      {s.phase === "running" ? (
        <div data-testid="export-progress">
          <p className="text-xs tabular-nums">{format(t.history.exporting, { done: n(s.done), total: n(s.total) })}</p>
          <progress className="h-2 w-full accent-emerald-600" max={Math.max(1, s.total)} value={s.done} />
        </div>
      ) : null}
      {s.phase === "done" ? (
        <Callout tone="success" data-testid="export-done">
          {format(t.history.exportDone, { rows: n(s.rows) })}
        </Callout>
      ) : null}
      {s.phase === "failed" ? <Callout tone="danger">{format(t.history.exportFailed, { message: s.message })}</Callout> : null}
      {fileExport && p ? (
        p.status === "done" ? (
          <Callout tone="success" data-testid="export-ready">
            {format(t.history.exportReady, { rows: n(p.rowCount) })}{" "}
            <a className={buttonClasses({ size: "sm", variant: "secondary", className: "ml-2" })} href={p.downloadUrl} download>
              {t.history.download}
            </a>
          </Callout>
        ) : p.status === "failed" ? (
          <Callout tone="danger">{format(t.history.exportFailed, { message: p.error ?? "" })}</Callout>
        ) : (
          <div data-testid="export-queued">
            <p className="text-xs">{format(t.history.exportQueued, { total: n(p.expectedRows) })}</p>
            <progress className="h-2 w-full accent-emerald-600" max={Math.max(1, p.expectedRows)} value={p.rowCount} />
          </div>
        )
      ) : null}
    </div>
  );
}
