import type { Metadata } from "next";
import { AlarmDetail } from "@/components/alarms/alarm-detail";
import { getDictionary } from "@/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.alarms.detail };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <AlarmDetail id={id} />;
}
