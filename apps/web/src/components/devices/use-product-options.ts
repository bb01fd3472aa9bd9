"use client";

import { useQuery } from "@tanstack/react-query";
import { useTenant } from "@/components/tenant/tenant-context";
import { useTRPC } from "@/trpc/react";

/** The tenant's products for pickers and filters (first 100, by name). */
export function useProductOptions() {
  const tenant = useTenant();
  const trpc = useTRPC();
  const products = useQuery(trpc.product.list.queryOptions({ tenantSlug: tenant.slug, page: 1, pageSize: 100 }));
  return {
    query: products,
    products: products.data?.items ?? [],
    options: (products.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
  };
}
