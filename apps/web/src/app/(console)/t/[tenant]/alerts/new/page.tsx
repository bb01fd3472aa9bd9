import type { Metadata } from "next";
import { Suspense } from "react";
import { RuleEditor } from "@/components/alerts/rule-editor";
import { getDictionary } from "@/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.alertRules.newTitle };
}

export default function Page() {
  return (
    <Suspense>
      <RuleEditor />
    </Suspense>
  );
}
