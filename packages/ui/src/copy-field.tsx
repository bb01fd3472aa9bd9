"use client";

import { useState } from "react";
import { Button } from "./button";
import { cn } from "./class-names";

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Plain-http pages other than localhost have no clipboard API.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

/** A read-only value with a copy button; `multiline` for commands and JSON. */
export function CopyField({
  value,
  label,
  multiline,
  copyLabel = "Copy",
  copiedLabel = "Copied",
  copyName,
  testId,
  className,
}: {
  value: string;
  label?: string;
  /** Accessible name of the copy button, e.g. "Copy MQTT password" (default: copy label + label). */
  copyName?: string;
  multiline?: boolean;
  copyLabel?: string;
  copiedLabel?: string;
  testId?: string;
  className?: string;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <div className={cn("min-w-0", className)}>
      {label ? <p className="mb-1 text-xs font-medium text-zinc-500 dark:text-zinc-400">{label}</p> : null}
      <div className="flex min-w-0 items-start gap-2">
        {multiline ? (
          <pre
            data-testid={testId}
            className="min-w-0 flex-1 overflow-x-auto rounded-md border border-zinc-200 bg-zinc-50 px-2.5 py-1.5 font-mono text-xs whitespace-pre-wrap break-all text-zinc-900 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-100"
          >
            {value}
          </pre>
        ) : (
          <code
            data-testid={testId}
            className="block min-w-0 flex-1 truncate rounded-md border border-zinc-200 bg-zinc-50 px-2.5 py-1.5 font-mono text-xs leading-5 text-zinc-900 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-100"
            title={value}
          >
            {value}
          </code>
        )}
        <Button
          variant="secondary"
          size="sm"
          aria-label={copyName ?? (label ? `${copyLabel} ${label}` : copyLabel)}
          data-testid={testId ? `${testId}-copy` : undefined}
          onClick={async () => {
            if (await copyText(value)) {
              setCopied(true);
              setTimeout(() => setCopied(false), 1500);
            }
          }}
        >
          {copied ? copiedLabel : copyLabel}
        </Button>
        <span role="status" className="sr-only">
          {copied ? copiedLabel : ""}
        </span>
      </div>
    </div>
  );
}
