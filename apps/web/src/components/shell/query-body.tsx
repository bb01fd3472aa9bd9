"use client";

import { EmptyState, SkeletonRows } from "@aspen/ui";
import type { UseQueryResult } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useI18n } from "@/i18n/provider";
import { QueryError } from "./error-state";

/** A query's three other states — loading skeleton, error with retry, empty — around what it shows when it has data. */
export function QueryBody<T>({
  query,
  isEmpty,
  empty,
  rows = 4,
  children,
}: {
  query: UseQueryResult<T, unknown>;
  isEmpty?: (data: T) => boolean;
  empty?: { title: ReactNode; hint?: ReactNode; testId?: string };
  rows?: number;
  children: (data: T) => ReactNode;
}) {
  const { t } = useI18n();
  if (query.isPending) return <SkeletonRows rows={rows} label={t.common.loading} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  if (empty && isEmpty?.(query.data)) return <EmptyState title={empty.title} description={empty.hint} testId={empty.testId} />;
  return <>{children(query.data)}</>;
}
