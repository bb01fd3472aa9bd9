import type { Metadata } from "next";
import { Overview } from "@/components/tenant/overview";
import { getDictionary } from "@/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.overview.title };
}

export default function OverviewPage() {
  return <Overview />;
}
