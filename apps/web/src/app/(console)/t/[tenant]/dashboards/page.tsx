import type { Metadata } from "next";
import { DashboardList } from "@/components/dashboards/dashboard-list";
import { getDictionary } from "@/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.dashboards.title };
}

export default function Page() {
  return <DashboardList />;
}
