"use client";

import { EmptyState, SkeletonRows, buttonClasses } from "@aspen/ui";
import type { ThingModel } from "@aspen/core/browser";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useProductOptions } from "@/components/devices/use-product-options";
import { QueryError } from "@/components/shell/error-state";
import { PageHeader } from "@/components/shell/page-header";
import { useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { errorData } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";
import { RuleForm } from "./rule-form";

/** The new-rule page (product from `?product=`) or the edit page of rule `id`. */
export function RuleEditor({ id }: { id?: string }) {
  const { t } = useI18n();
  const r = t.alertRules;
  const tenant = useTenant();
  const trpc = useTRPC();
  const params = useSearchParams();
  const { query: products } = useProductOptions();
  const rule = useQuery({ ...trpc.alertRule.byId.queryOptions({ tenantSlug: tenant.slug, id: id ?? "" }), enabled: !!id });
  const back = (
    <Link href={`/t/${tenant.slug}/alerts`} className={buttonClasses({ variant: "secondary" })}>
      {r.back}
    </Link>
  );
  const header = <PageHeader title={id ? r.editTitle : r.newTitle} actions={back} />;
  if (products.isPending || (id && rule.isPending))
    return (
      <>
        {header}
        <SkeletonRows rows={6} label={t.common.loading} />
      </>
    );
  if (products.isError)
    return (
      <>
        {header}
        <QueryError error={products.error} onRetry={() => products.refetch()} />
      </>
    );
  if (id && rule.isError) {
    return (
      <>
        {header}
        {errorData(rule.error).code === "NOT_FOUND" ? (
          <EmptyState title={r.notFound} />
        ) : (
          <QueryError error={rule.error} onRetry={() => rule.refetch()} />
        )}
      </>
    );
  }
  const items = products.data.items.map((p) => ({ id: p.id, name: p.name, thingModel: p.thingModel }));
  if (items.length === 0)
    return (
      <>
        {header}
        <EmptyState title={r.noProducts} />
      </>
    );
  const preselect = params.get("product");
  const ordered = !id && preselect ? [...items.filter((p) => p.id === preselect), ...items.filter((p) => p.id !== preselect)] : items;
  return (
    <>
      {header}
      <RuleForm
        key={rule.data?.id ?? "new"}
        products={ordered}
        rule={rule.data ? { id: rule.data.id, productId: rule.data.productId, spec: rule.data.rule } : undefined}
      />
    </>
  );
}
