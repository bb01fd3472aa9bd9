"use client";

import { useCallback, useRef, useState } from "react";

export type DownloadState =
  | { phase: "idle" }
  | { phase: "running"; done: number; total: number }
  | { phase: "done"; rows: number }
  | { phase: "failed"; message: string };

/** Lines in a chunk of an export (CSV has one header line, counted by the caller). */
function countLines(chunk: Uint8Array): number {
  let n = 0;
  for (const b of chunk) if (b === 10) n++;
  return n;
}

/**
 * Downloads an export with progress: reads the response as it streams (rows counted by newline
 * against the `X-Export-Rows` total), then hands the file to the browser as a download.
 */
export function useExportDownload() {
  const [state, setState] = useState<DownloadState>({ phase: "idle" });
  const abort = useRef<AbortController | null>(null);
  const start = useCallback(async (url: string, opts: { headerLines: number; fileName: string }) => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    try {
      const res = await fetch(url, { signal: controller.signal, credentials: "same-origin" });
      if (!res.ok || !res.body) {
        const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
        setState({ phase: "failed", message: body?.error?.message ?? `HTTP ${res.status}` });
        return;
      }
      const total = Number(res.headers.get("x-export-rows") ?? 0);
      const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1] ?? opts.fileName;
      const reader = res.body.getReader();
      const parts: Uint8Array[] = [];
      let lines = 0;
      setState({ phase: "running", done: 0, total });
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parts.push(value);
        lines += countLines(value);
        setState({ phase: "running", done: Math.max(0, lines - opts.headerLines), total });
      }
      const blob = new Blob(parts as BlobPart[], { type: res.headers.get("content-type") ?? "application/octet-stream" });
      const href = URL.createObjectURL(blob);
      const a = document.createElement("a");
      a.href = href;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(href), 10_000);
      setState({ phase: "done", rows: Math.max(0, lines - opts.headerLines) });
    } catch (err) {
      if ((err as Error).name !== "AbortError") setState({ phase: "failed", message: (err as Error).message });
    }
  }, []);
  return { state, start, reset: () => setState({ phase: "idle" }) };
}
