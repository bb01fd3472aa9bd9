import type { Metadata } from "next";
import { WebhookList } from "@/components/webhooks/webhook-list";
import { getDictionary } from "@/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.webhooks.title };
}

export default function Page() {
  return <WebhookList />;
}
