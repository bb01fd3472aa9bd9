"use client";

import { Button, buttonClasses } from "@aspen/ui";
import Link from "next/link";
import { serverReasonText } from "@/components/forms/server-errors";
import { useI18n } from "@/i18n/provider";
import { errorData } from "@/trpc/errors";

/** What a page shows when it failed to load: a plain message and a way out. */
export function ErrorState({ error, reset }: { error: Error & { digest?: string }; reset?: () => void }) {
  const { t } = useI18n();
  return (
    <div role="alert" data-testid="error-state" className="mx-auto flex max-w-md flex-col items-center gap-3 px-4 py-16 text-center">
      <div aria-hidden className="grid size-10 place-items-center rounded-full bg-red-100 text-red-600 dark:bg-red-950 dark:text-red-400">
        !
      </div>
      <h1 className="text-lg font-semibold">{t.common.somethingWrong}</h1>
      <p className="text-sm text-zinc-500 dark:text-zinc-400">{t.common.errorHint}</p>
      {error.digest ? <p className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{error.digest}</p> : null}
      <div className="mt-2 flex gap-2">
        {reset ? <Button onClick={reset}>{t.common.retry}</Button> : null}
        <Link href="/tenants" className={buttonClasses({ variant: "secondary" })}>
          {t.common.goHome}
        </Link>
      </div>
    </div>
  );
}

/** A failed query inside a page, with a retry button. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const message =
    serverReasonText(errorData(error).reason, t) ?? (error instanceof Error && error.message ? error.message : t.common.errorHint);
  return (
    <div role="alert" data-testid="query-error" className="flex flex-col items-center gap-2 px-4 py-10 text-center">
      <p className="font-medium text-red-700 dark:text-red-400">{t.common.somethingWrong}</p>
      <p className="max-w-md text-sm text-zinc-500 dark:text-zinc-400">{message}</p>
      {onRetry ? (
        <Button variant="secondary" size="sm" onClick={onRetry}>
          {t.common.retry}
        </Button>
      ) : null}
    </div>
  );
}
