"use client";

import {
  Button,
  Card,
  ConfirmDialog,
  EmptyState,
  Pagination,
  Select,
  SkeletonRows,
  Table,
  TBody,
  TD,
  TH,
  THead,
  TR,
  buttonClasses,
} from "@aspen/ui";
import { summarizeRule, type AlertRuleSpec, type ThingModel } from "@aspen/core/browser";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { SeverityBadge } from "@/components/alarms/severity-badge";
import { useProductOptions } from "@/components/devices/use-product-options";
import { formatDate } from "@/components/format/dates";
import { QueryError } from "@/components/shell/error-state";
import { PageHeader } from "@/components/shell/page-header";
import { usePaginationLabels } from "@/components/shell/pagination-labels";
import { useCan, useTenant } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { errorMessage } from "@/trpc/errors";
import { useTRPC } from "@/trpc/react";

/** A product's alert rules (product and page in the URL), with enable/disable and delete. */
export function RuleList() {
  const { t, locale, format } = useI18n();
  const r = t.alertRules;
  const tenant = useTenant();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const canManage = useCan("alert.manage");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const productId = params.get("product") ?? "";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const pageSize = Number(params.get("size")) || 20;
  const labels = usePaginationLabels();
  const { options: productOptions, products, query: productsQuery } = useProductOptions();
  /** Worded with the product's property names and units (the list itself carries no thing model). */
  const summaryOf = (rule: { productId: string; rule: AlertRuleSpec; summary: { en: string; zhCN: string } }) => {
    const model = products.find((p) => p.id === rule.productId)?.thingModel;
    if (!model) return locale === "zh-CN" ? rule.summary.zhCN : rule.summary.en;
    return summarizeRule(rule.rule, { locale, thingModel: model });
  };
  const setParams = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === "" || (k === "page" && v === 1)) next.delete(k);
      else next.set(k, String(v));
    }
    router.replace(`${pathname}${next.size ? `?${next}` : ""}`, { scroll: false });
  };
  const rules = useQuery({
    ...trpc.alertRule.list.queryOptions({ tenantSlug: tenant.slug, ...(productId ? { productId } : {}), page, pageSize }),
    placeholderData: keepPreviousData,
  });
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.alertRule.pathKey() });
  const setEnabled = useMutation(trpc.alertRule.setEnabled.mutationOptions({ onSuccess: invalidate }));
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  const remove = useMutation(
    trpc.alertRule.delete.mutationOptions({
      onSuccess: async () => {
        setDeleting(null);
        await invalidate();
      },
    }),
  );
  const noProducts = productsQuery.isSuccess && productOptions.length === 0;
  const newHref = `/t/${tenant.slug}/alerts/new${productId ? `?product=${productId}` : ""}`;
  const newButton =
    canManage && !noProducts ? (
      <Link href={newHref} className={buttonClasses()} data-testid="new-rule">
        {r.new}
      </Link>
    ) : null;

  return (
    <>
      <PageHeader title={r.title} description={r.subtitle} actions={newButton} />
      <div className="mb-4 max-w-xs">
        <label htmlFor="rule-product" className="mb-1 block text-sm font-medium">
          {r.product}
        </label>
        <Select
          id="rule-product"
          value={productId}
          placeholder={r.allProducts}
          options={productOptions}
          onChange={(e) => setParams({ product: e.target.value, page: 1 })}
        />
      </div>
      <Card>
        {rules.isPending ? (
          <SkeletonRows rows={4} label={t.common.loading} />
        ) : rules.error ? (
          <QueryError error={rules.error} onRetry={() => rules.refetch()} />
        ) : rules.data.total === 0 ? (
          <EmptyState title={r.empty} description={noProducts ? r.noProducts : r.emptyHint} />
        ) : (
          <>
            <Table data-testid="rules-table" className={rules.isPlaceholderData ? "opacity-60" : undefined}>
              <THead>
                <tr>
                  <TH>{r.rule}</TH>
                  <TH>{r.severity}</TH>
                  <TH className="hidden md:table-cell">{r.product}</TH>
                  <TH>{r.enabled}</TH>
                  <TH className="hidden lg:table-cell">{r.updated}</TH>
                  {canManage ? <TH className="text-right">{r.actions}</TH> : null}
                </tr>
              </THead>
              <TBody>
                {rules.data.items.map((rule) => (
                  <TR key={rule.id} data-testid={`rule-row-${rule.name}`}>
                    <TD className="max-w-[28rem]">
                      <Link
                        href={`/t/${tenant.slug}/alerts/${rule.id}`}
                        className="font-medium text-emerald-700 hover:underline dark:text-emerald-400"
                      >
                        {rule.name}
                      </Link>
                      <p className="text-xs text-zinc-500 dark:text-zinc-400">{summaryOf(rule)}</p>
                    </TD>
                    <TD>
                      <SeverityBadge severity={rule.severity} />
                    </TD>
                    <TD className="hidden md:table-cell">{rule.productName}</TD>
                    <TD>
                      <button
                        type="button"
                        role="switch"
                        aria-checked={rule.enabled}
                        aria-label={format(rule.enabled ? r.disable : r.enable, { name: rule.name })}
                        disabled={!canManage || setEnabled.isPending}
                        onClick={() => setEnabled.mutate({ tenantSlug: tenant.slug, id: rule.id, enabled: !rule.enabled })}
                        className={`relative inline-flex h-5 w-9 shrink-0 items-center rounded-full transition-colors disabled:opacity-50 ${rule.enabled ? "bg-emerald-600" : "bg-zinc-300 dark:bg-zinc-700"}`}
                      >
                        <span
                          aria-hidden
                          className={`inline-block size-4 rounded-full bg-white shadow transition-transform ${rule.enabled ? "translate-x-4.5" : "translate-x-0.5"}`}
                        />
                      </button>
                    </TD>
                    <TD className="hidden text-zinc-500 lg:table-cell">{formatDate(rule.updatedAt, locale)}</TD>
                    {canManage ? (
                      <TD className="text-right whitespace-nowrap">
                        <Link
                          href={`/t/${tenant.slug}/alerts/${rule.id}`}
                          className={buttonClasses({ variant: "ghost", size: "sm" })}
                          aria-label={format(r.editRule, { name: rule.name })}
                        >
                          {t.common.edit}
                        </Link>
                        <Button
                          variant="ghost"
                          size="sm"
                          aria-label={format(r.deleteRule, { name: rule.name })}
                          onClick={() => setDeleting({ id: rule.id, name: rule.name })}
                        >
                          {t.common.delete}
                        </Button>
                      </TD>
                    ) : null}
                  </TR>
                ))}
              </TBody>
            </Table>
            <Pagination
              page={page}
              pageSize={pageSize}
              total={rules.data.total}
              onPageChange={(p) => setParams({ page: p })}
              onPageSizeChange={(s) => setParams({ size: s, page: 1 })}
              labels={labels}
            />
          </>
        )}
      </Card>
      <ConfirmDialog
        open={deleting !== null}
        onClose={() => setDeleting(null)}
        onConfirm={() => deleting && remove.mutate({ tenantSlug: tenant.slug, id: deleting.id })}
        title={r.deleteTitle}
        description={deleting ? `${deleting.name}: ${r.deleteBody}` : r.deleteBody}
        confirmLabel={t.common.delete}
        cancelLabel={t.common.cancel}
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t.common.somethingWrong) : null}
      />
    </>
  );
}
