"use client";

import { Callout } from "@aspen/ui";
import { PageHeader } from "@/components/shell/page-header";
import { useCan } from "@/components/tenant/tenant-context";
import { useI18n } from "@/i18n/provider";
import { ProductForm } from "./product-form";

export function NewProduct() {
  const { t } = useI18n();
  const canWrite = useCan("product.write");
  return (
    <>
      <PageHeader title={t.products.newTitle} description={t.products.emptyHint} />
      {canWrite ? <ProductForm /> : <Callout tone="warning">{t.common.forbidden}</Callout>}
    </>
  );
}
