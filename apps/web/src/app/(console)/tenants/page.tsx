import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { TenantList } from "@/components/tenant/tenant-list";
import { getDictionary } from "@/i18n/server";
import { getCaller } from "@/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.tenants.title };
}

/** Lists the user's tenants; a user with none goes straight to creating one. */
export default async function TenantsPage() {
  const caller = await getCaller();
  const tenants = await caller.tenant.list({ page: 1, pageSize: 100 });
  if (tenants.total === 0) redirect("/tenants/new");
  return <TenantList tenants={tenants.items.map((x) => ({ slug: x.slug, name: x.name, role: x.role }))} />;
}
