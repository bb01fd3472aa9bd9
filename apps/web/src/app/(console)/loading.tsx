import { Skeleton } from "@aspen/ui";

export default function ConsoleLoading() {
  return (
    <main className="mx-auto max-w-7xl px-3 py-6 sm:px-6" data-testid="page-loading">
      <Skeleton className="mb-2 h-7 w-48" />
      <Skeleton className="mb-6 h-4 w-72 max-w-full" />
      <Skeleton className="h-64 w-full" />
    </main>
  );
}
