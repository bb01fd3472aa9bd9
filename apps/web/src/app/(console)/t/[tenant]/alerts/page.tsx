import type { Metadata } from "next";
import { Suspense } from "react";
import { RuleList } from "@/components/alerts/rule-list";
import { getDictionary } from "@/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.alertRules.title };
}

export default function Page() {
  return (
    <Suspense>
      <RuleList />
    </Suspense>
  );
}
