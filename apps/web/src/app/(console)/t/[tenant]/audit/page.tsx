import type { Metadata } from "next";
import { AuditLog } from "@/components/audit/audit-log";
import { getDictionary } from "@/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.audit.title };
}

export default function Page() {
  return <AuditLog />;
}
