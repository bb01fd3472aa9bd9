import type { Metadata } from "next";
import { Suspense } from "react";
import { RuleEditor } from "@/components/alerts/rule-editor";
import { getDictionary } from "@/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.alertRules.editTitle };
}

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <RuleEditor id={id} />
    </Suspense>
  );
}
