import type { Metadata } from "next";
import { BulkCreate } from "@/components/devices/bulk-create";
import { getDictionary } from "@/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.bulk.title };
}

export default function Page() {
  return <BulkCreate />;
}
