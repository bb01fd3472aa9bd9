"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";

/** Filters and paging kept in the URL's query string, so a filtered list can be shared and reloaded. */
export function useUrlFilters() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const set = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === "" || (k === "page" && v === 1)) next.delete(k);
      else next.set(k, String(v));
    }
    router.replace(`${pathname}${next.size ? `?${next}` : ""}`, { scroll: false });
  };
  return { params, set, reset: () => router.replace(pathname, { scroll: false }) };
}
