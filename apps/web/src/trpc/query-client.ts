import { defaultShouldDehydrateQuery, QueryClient } from "@tanstack/react-query";
import { transformer } from "./transformer";

/** Client errors (bad input, forbidden, not found) do not get better by retrying. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  const status = (error as { data?: { httpStatus?: number } })?.data?.httpStatus;
  if (typeof status === "number" && status >= 400 && status < 500) return false;
  return failureCount < 2;
}

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // Other members change the same tenant: refresh on focus, but do not refetch what was just loaded.
      queries: { staleTime: 5_000, retry: shouldRetry, refetchOnWindowFocus: true },
      dehydrate: {
        serializeData: transformer.serialize,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === "pending",
      },
      hydrate: { deserializeData: transformer.deserialize },
    },
  });
}
