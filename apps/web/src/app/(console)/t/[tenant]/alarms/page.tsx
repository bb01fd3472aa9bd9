import type { Metadata } from "next";
import { Suspense } from "react";
import { AlarmList } from "@/components/alarms/alarm-list";
import { getDictionary } from "@/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.alarms.title };
}

export default function Page() {
  return (
    <Suspense>
      <AlarmList />
    </Suspense>
  );
}
