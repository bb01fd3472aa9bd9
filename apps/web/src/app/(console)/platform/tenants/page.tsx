import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TenantPlans } from "@/components/platform/tenant-plans";
import { getDictionary } from "@/i18n/server";
import { getCaller } from "@/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.platformTenants.title };
}

/** Platform operators only: everyone else gets the same 404 as an unknown page. */
export default async function Page() {
  const me = await (await getCaller()).auth.me();
  if (!me.platformAdmin) notFound();
  return (
    <main className="mx-auto max-w-7xl px-3 py-6 sm:px-6">
      <TenantPlans />
    </main>
  );
}
