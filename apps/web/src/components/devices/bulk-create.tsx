"use client";

import { Badge, Button, Callout, Card, CardBody, CardHeader, Table, TBody, TD, TH, THead, TR, useWarnOnLeave } from "@aspen/ui";
import type { BulkRowProblem } from "@aspen/core/browser";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { PageHeader } from "@/components/shell/page-header";
import { useCan, useTenant } from "@/components/tenant/tenant-context";
import { serverErrorText } from "@/components/forms/server-errors";
import { useI18n } from "@/i18n/provider";
import { errorData } from "@/trpc/errors";
import { useTRPC, useTRPCClient } from "@/trpc/react";
import { bulkTemplate, joinCsv, MAX_BULK_ROWS, parseBulkCsv, rowError, type BulkRow, type BulkRowError } from "./bulk-rows";
import { useProductOptions } from "./use-product-options";

/** Rows per request: small enough to show progress, large enough to be quick. */
const CHUNK = 25;

type Phase =
  | { kind: "idle" }
  | { kind: "preview" }
  | { kind: "creating"; done: number }
  | { kind: "done"; created: number; failed: number; error?: string };

function download(name: string, text: string, type = "text/csv") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type ServerProblem = { field: "name" | "product" | "labels"; kind: BulkRowProblem["kind"]; message: string; firstRow?: number };

/** A problem `device.bulkCheck` reported, in core's shape. */
function toProblem(p: ServerProblem, product: string): BulkRowProblem {
  switch (p.kind) {
    case "missing":
      return p.field === "product" ? { field: "product", kind: "missing" } : { field: "name", kind: "missing" };
    case "duplicate":
      return { field: "name", kind: "duplicate", firstRow: p.firstRow ?? 0 };
    case "taken":
      return { field: "name", kind: "taken" };
    case "unknown":
      return { field: "product", kind: "unknown", product };
    case "syntax":
      return { field: "labels", kind: "syntax", text: "" };
    case "invalid":
      return p.field === "labels"
        ? { field: "labels", kind: "invalid", message: p.message }
        : { field: "name", kind: "invalid", message: p.message };
  }
}

/**
 * CSV upload → preview with per-row errors → creation in chunks with
 * progress → a CSV of the new credentials to download (once).
 */
export function BulkCreate() {
  const { t, format } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const canWrite = useCan("device.write");
  const { products, query: productsQuery } = useProductOptions();
  const fileRef = useRef<HTMLInputElement>(null);
  const [rows, setRows] = useState<BulkRow[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [csv, setCsv] = useState("");
  const [downloaded, setDownloaded] = useState(false);
  /** The file's text, kept to check again when the product list arrives or changes. */
  const [source, setSource] = useState<string | null>(null);
  const check = useMutation(trpc.device.bulkCheck.mutationOptions());
  useWarnOnLeave(!!csv && !downloaded);

  /** Checks the file in the browser, then every row against the server (names taken, products), creating nothing. */
  const checkText = (text: string) => {
    const result = parseBulkCsv(text, products);
    if (!result.ok) {
      setRows([]);
      setPhase({ kind: "idle" });
      setFileError(result.error === "tooMany" ? format(t.bulk.tooMany, { max: MAX_BULK_ROWS }) : t.bulk[result.error]);
      return;
    }
    setRows(result.rows);
    setPhase({ kind: "preview" });
    check.mutate(
      { tenantSlug: tenant.slug, rows: result.rows.map((r) => ({ name: r.name, product: r.product, labels: r.labelsText })) },
      {
        onSuccess: (res) =>
          setRows((all) =>
            all.map((r) => {
              const server = res.rows.find((x) => x.row === r.index);
              // The server decides: its problems replace the browser's (which could not see taken names).
              return server ? { ...r, errors: server.problems.map((p) => rowError(toProblem(p, r.product))) } : r;
            }),
          ),
      },
    );
  };

  // A file chosen before the product list loaded (or while it changed) is checked again.
  useEffect(() => {
    if (source !== null && phase.kind === "preview") checkText(source);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [productsQuery.dataUpdatedAt]);

  const describe = (e: BulkRowError): string => {
    switch (e.kind) {
      case "missingName":
        return t.bulk.missingName;
      case "duplicateName":
        return t.bulk.duplicateName;
      case "unknownProduct":
        return format(t.bulk.unknownProduct, { product: e.product });
      case "badLabels":
        return t.bulk.badLabels;
      case "taken":
        return t.ui.nameExists;
      default:
        return e.message;
    }
  };

  const onFile = async (file: File | undefined) => {
    setFileError(null);
    setCsv("");
    setDownloaded(false);
    if (!file) return;
    const text = await file.text();
    setSource(text);
    checkText(text);
  };

  const valid = rows.filter((r) => r.errors.length === 0);
  const invalidCount = rows.length - valid.length;

  const create = async () => {
    const parts: string[] = [];
    let created = 0;
    setPhase({ kind: "creating", done: 0 });
    for (let start = 0; start < valid.length; start += CHUNK) {
      const chunk = valid.slice(start, start + CHUNK);
      try {
        const res = await client.device.bulkCreate.mutate({
          tenantSlug: tenant.slug,
          rows: chunk.map((r) => ({ name: r.name, product: r.product, labels: r.labels })),
        });
        parts.push(res.credentialsCsv);
        created += res.count;
        setCsv(joinCsv(parts));
        setPhase({ kind: "creating", done: created });
      } catch (err) {
        // Mark the rows the server refused; stop so nothing is created twice on retry.
        const details = errorData(err).details ?? [];
        setRows((all) =>
          all.map((r) => {
            const pos = chunk.indexOf(r);
            const mine = details.filter((d) => d.row === pos);
            return pos >= 0 && mine.length ? { ...r, errors: mine.map((d) => ({ kind: "server" as const, message: d.message })) } : r;
          }),
        );
        setPhase({ kind: "done", created, failed: valid.length - created, error: serverErrorText(err, t) });
        void queryClient.invalidateQueries({ queryKey: trpc.device.list.queryKey() });
        return;
      }
    }
    setPhase({ kind: "done", created, failed: 0 });
    void queryClient.invalidateQueries({ queryKey: trpc.device.list.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.tenant.overview.queryKey() });
  };

  const reset = () => {
    setRows([]);
    setSource(null);
    check.reset();
    setCsv("");
    setDownloaded(false);
    setFileError(null);
    setPhase({ kind: "idle" });
    if (fileRef.current) fileRef.current.value = "";
  };

  if (!canWrite) {
    return (
      <>
        <PageHeader title={t.bulk.title} />
        <Callout tone="warning">{t.common.forbidden}</Callout>
      </>
    );
  }

  const busy = phase.kind === "creating";
  const progress = phase.kind === "creating" ? phase.done : phase.kind === "done" ? phase.created : 0;

  return (
    <>
      <PageHeader
        title={t.bulk.title}
        description={t.bulk.subtitle}
        actions={
          <>
            <Button variant="secondary" onClick={() => download("devices-template.csv", bulkTemplate)} data-testid="bulk-template">
              {t.bulk.template}
            </Button>
            <Link href={`/t/${tenant.slug}/devices`} className="text-sm text-zinc-600 hover:underline dark:text-zinc-400">
              {t.common.back}
            </Link>
          </>
        }
      />
      <div className="space-y-6">
        <Card>
          <CardBody className="space-y-3">
            <label className="block text-sm font-medium" htmlFor="bulk-file">
              {t.bulk.file}
            </label>
            <input
              id="bulk-file"
              ref={fileRef}
              type="file"
              accept=".csv,text/csv"
              disabled={busy}
              onChange={(e) => void onFile(e.target.files?.[0])}
              data-testid="bulk-file"
              className="block w-full max-w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-emerald-700 file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-white hover:file:bg-emerald-800"
            />
            {fileError ? (
              <Callout tone="danger" data-testid="bulk-file-error">
                {fileError}
              </Callout>
            ) : null}
          </CardBody>
        </Card>

        {rows.length > 0 ? (
          <Card data-testid="bulk-preview">
            <CardHeader
              title={t.bulk.preview}
              description={
                <span className="flex flex-wrap gap-2">
                  <Badge>{format(t.bulk.rows, { count: rows.length })}</Badge>
                  <Badge tone="green" data-testid="bulk-valid-count">
                    {format(t.bulk.valid, { count: valid.length })}
                  </Badge>
                  {invalidCount ? (
                    <Badge tone="red" data-testid="bulk-invalid-count">
                      {format(t.bulk.invalid, { count: invalidCount })}
                    </Badge>
                  ) : null}
                </span>
              }
              actions={
                phase.kind === "preview" ? (
                  <Button
                    onClick={() => void create()}
                    disabled={valid.length === 0 || !check.isSuccess}
                    loading={check.isPending}
                    data-testid="bulk-submit"
                  >
                    {invalidCount ? format(t.ui.createValid, { count: valid.length }) : format(t.bulk.create, { count: valid.length })}
                  </Button>
                ) : null
              }
            />
            {phase.kind === "preview" && check.isPending ? (
              <p
                role="status"
                className="border-b border-zinc-200 px-4 py-2 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400"
                data-testid="bulk-checking"
              >
                {t.ui.checking}
              </p>
            ) : null}
            {phase.kind === "preview" && check.error ? (
              <Callout tone="danger" className="m-4" data-testid="bulk-check-error">
                {format(t.ui.checkFailed, { message: serverErrorText(check.error, t) })}
              </Callout>
            ) : null}
            {phase.kind !== "idle" && phase.kind !== "preview" ? (
              <div className="space-y-3 border-b border-zinc-200 p-4 dark:border-zinc-800">
                <div
                  role="progressbar"
                  aria-valuemin={0}
                  aria-valuemax={valid.length}
                  aria-valuenow={progress}
                  className="h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
                  data-testid="bulk-progress"
                >
                  <div
                    className="h-full bg-emerald-600 transition-all"
                    style={{ width: `${valid.length ? (progress / valid.length) * 100 : 0}%` }}
                  />
                </div>
                {phase.kind === "creating" ? (
                  <p className="text-sm text-zinc-600 dark:text-zinc-400">
                    {format(t.bulk.creating, { done: phase.done, total: valid.length })}
                  </p>
                ) : (
                  <>
                    <Callout tone={phase.failed ? "warning" : "success"} data-testid="bulk-done">
                      {format(t.bulk.done, { count: phase.created })}
                      {phase.failed ? ` · ${format(t.bulk.failed, { count: phase.failed })}` : null}
                      {phase.error ? <span className="mt-1 block">{phase.error}</span> : null}
                    </Callout>
                    {csv ? (
                      <>
                        <Callout tone="warning">{t.bulk.credentialsOnce}</Callout>
                        <div className="flex flex-wrap gap-2">
                          <Button
                            onClick={() => {
                              download(`${tenant.slug}-device-credentials.csv`, csv);
                              setDownloaded(true);
                            }}
                            data-testid="bulk-download"
                          >
                            {t.bulk.downloadCredentials}
                          </Button>
                          <Button variant="secondary" onClick={reset}>
                            {t.bulk.again}
                          </Button>
                        </div>
                      </>
                    ) : (
                      <Button variant="secondary" onClick={reset}>
                        {t.bulk.again}
                      </Button>
                    )}
                  </>
                )}
              </div>
            ) : null}
            <Table data-testid="bulk-table" wrapperClassName="max-h-[32rem] overflow-y-auto">
              <THead>
                <tr>
                  <TH className="w-12">{t.bulk.row}</TH>
                  <TH>{t.common.name}</TH>
                  <TH>{t.devices.product}</TH>
                  <TH className="hidden sm:table-cell">{t.devices.labels}</TH>
                  <TH>{t.bulk.error}</TH>
                </tr>
              </THead>
              <TBody>
                {rows.map((r) => (
                  <TR key={r.index} data-testid={`bulk-row-${r.index}`} data-valid={r.errors.length === 0}>
                    <TD className="text-zinc-500 tabular-nums dark:text-zinc-400">{r.index + 2}</TD>
                    <TD className="max-w-[10rem] truncate font-mono">{r.name || "—"}</TD>
                    <TD className="max-w-[10rem] truncate">{r.product || "—"}</TD>
                    <TD className="hidden max-w-[14rem] truncate font-mono text-xs sm:table-cell">{r.labelsText || "—"}</TD>
                    <TD>
                      {r.errors.length ? (
                        <ul className="text-xs text-red-600 dark:text-red-400" data-testid="bulk-row-error">
                          {r.errors.map((e, i) => (
                            <li key={i}>{describe(e)}</li>
                          ))}
                        </ul>
                      ) : (
                        <Badge tone="green">{t.bulk.ok}</Badge>
                      )}
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </Card>
        ) : null}
      </div>
    </>
  );
}
