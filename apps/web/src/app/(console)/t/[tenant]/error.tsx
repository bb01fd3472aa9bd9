"use client";

import { ErrorState } from "@/components/shell/error-state";

export default function TenantError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState error={error} reset={reset} />;
}
