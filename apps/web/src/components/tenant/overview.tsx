"use client";

import { Card, CardBody, CardHeader, Skeleton, buttonClasses } from "@aspen/ui";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { QueryError } from "@/components/shell/error-state";
import { PageHeader } from "@/components/shell/page-header";
import { useI18n } from "@/i18n/provider";
import { useTRPC } from "@/trpc/react";
import { LiveOverview } from "./live-overview";
import { RecentActivity } from "./recent-activity";
import { TenantSettings } from "./tenant-settings";
import { RetentionCard } from "@/components/history/retention-card";
import { useCan, useTenant } from "./tenant-context";

function Stat({ label, value, href, testId }: { label: string; value: number | undefined; href?: string; testId: string }) {
  const body = (
    <Card className="h-full p-4 transition-colors hover:border-zinc-300 dark:hover:border-zinc-700">
      <p className="text-sm text-zinc-500 dark:text-zinc-400">{label}</p>
      {value === undefined ? (
        <Skeleton className="mt-2 h-8 w-16" />
      ) : (
        <p className="mt-1 text-3xl font-semibold tabular-nums" data-testid={testId}>
          {value}
        </p>
      )}
    </Card>
  );
  return href ? (
    <Link href={href} className="block">
      {body}
    </Link>
  ) : (
    body
  );
}

/** Counts for the tenant and the first steps for a new one. */
export function Overview() {
  const { t } = useI18n();
  const tenant = useTenant();
  const trpc = useTRPC();
  const canWriteProducts = useCan("product.write");
  const canReadAudit = useCan("audit.read");
  const canUpdateTenant = useCan("tenant.update");
  const canReadDevices = useCan("device.read");
  const overview = useQuery(trpc.tenant.overview.queryOptions({ tenantSlug: tenant.slug }));
  const base = `/t/${tenant.slug}`;
  const d = overview.data;
  return (
    <>
      <PageHeader title={tenant.name} description={`${t.overview.title} · ${t.roles[tenant.role]}`} />
      {overview.error ? (
        <Card>
          <QueryError error={overview.error} onRetry={() => overview.refetch()} />
        </Card>
      ) : (
        <div className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-5">
          <Stat label={t.overview.products} value={d?.products} href={`${base}/products`} testId="stat-products" />
          <Stat label={t.overview.devices} value={d?.devices.total} href={`${base}/devices`} testId="stat-devices" />
          <Stat label={t.overview.online} value={d?.devices.online} href={`${base}/devices?status=online`} testId="stat-online" />
          <Stat label={t.overview.disabled} value={d?.devices.disabled} href={`${base}/devices?status=disabled`} testId="stat-disabled" />
          <Stat label={t.overview.members} value={d?.members} href={`${base}/members`} testId="stat-members" />
        </div>
      )}
      {canReadDevices ? (
        <div className="mt-6">
          <LiveOverview />
        </div>
      ) : null}
      {d && d.products === 0 && canWriteProducts ? (
        <Card className="mt-6" data-testid="getting-started">
          <CardHeader title={t.overview.gettingStarted} />
          <CardBody>
            <ol className="list-decimal space-y-1.5 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
              <li>{t.overview.step1}</li>
              <li>{t.overview.step2}</li>
              <li>{t.overview.step3}</li>
            </ol>
            <Link href={`${base}/products/new`} className={buttonClasses({ className: "mt-4" })}>
              {t.products.new}
            </Link>
          </CardBody>
        </Card>
      ) : null}
      {canReadAudit ? (
        <div className="mt-6">
          <RecentActivity />
        </div>
      ) : null}
      {canUpdateTenant ? (
        <div className="mt-6">
          <TenantSettings />
        </div>
      ) : null}
      {canUpdateTenant ? (
        <div className="mt-6">
          <RetentionCard />
        </div>
      ) : null}
    </>
  );
}
