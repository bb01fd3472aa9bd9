import type { Metadata } from "next";
import { ProductList } from "@/components/products/product-list";
import { getDictionary } from "@/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.products.title };
}

export default function Page() {
  return <ProductList />;
}
