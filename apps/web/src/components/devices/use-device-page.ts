"use client";

import { keepPreviousData, useQuery, type QueryKey, type UseQueryOptions } from "@tanstack/react-query";
import { useUrlPager } from "@/components/shell/url-state";
import { useTenant } from "@/components/tenant/tenant-context";

/** What every paginated device-data procedure takes. */
export interface DevicePageInput {
  tenantSlug: string;
  deviceId: string;
  page: number;
  pageSize: number;
}

const sizes = [10, 20, 50] as const;

/**
 * One page of a device-data list: `options` turns the input into the procedure's query options
 * (e.g. `(i) => trpc.telemetry.events.queryOptions(i)`); its page lives in the URL under `prefix`
 * (`?eventsPage=2`) and the previous page stays shown while the next loads.
 */
export function useDevicePage<TData, TError, TKey extends QueryKey>(
  deviceId: string,
  prefix: string,
  options: (input: DevicePageInput) => UseQueryOptions<TData, TError, TData, TKey>,
) {
  const tenant = useTenant();
  const pager = useUrlPager({ prefix, defaultSize: 10, sizes });
  const query = useQuery({
    ...options({ tenantSlug: tenant.slug, deviceId, page: pager.page, pageSize: pager.pageSize }),
    placeholderData: keepPreviousData,
  });
  return { query, pager };
}
