import type { Metadata } from "next";
import { Suspense } from "react";
import { DashboardView } from "@/components/dashboards/dashboard-view";
import { getDictionary } from "@/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.dashboards.title };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <DashboardView id={id} />
    </Suspense>
  );
}
