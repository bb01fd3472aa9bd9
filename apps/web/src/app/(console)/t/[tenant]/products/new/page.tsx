import type { Metadata } from "next";
import { NewProduct } from "@/components/products/new-product";
import { getDictionary } from "@/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.products.newTitle };
}

export default function Page() {
  return <NewProduct />;
}
