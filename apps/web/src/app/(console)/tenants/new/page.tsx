import type { Metadata } from "next";
import { NewTenantForm } from "@/components/tenant/new-tenant-form";
import { getDictionary } from "@/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.tenants.newTitle };
}

export default function NewTenantPage() {
  return (
    <main className="mx-auto max-w-lg px-3 py-8 sm:px-6">
      <NewTenantForm />
    </main>
  );
}
