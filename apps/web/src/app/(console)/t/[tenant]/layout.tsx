import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { TenantProvider } from "@/components/tenant/tenant-context";
import { TenantNav } from "@/components/tenant/tenant-nav";
import { getCaller } from "@/trpc/server";

/** Resolves the member's role in the tenant of the URL; non-members get the same 404 as unknown slugs. */
export default async function TenantLayout({ children, params }: { children: ReactNode; params: Promise<{ tenant: string }> }) {
  const { tenant: slug } = await params;
  const caller = await getCaller();
  const tenant = await caller.tenant.bySlug({ tenantSlug: slug }).catch((err: unknown) => {
    if (err instanceof TRPCError && (err.code === "NOT_FOUND" || err.code === "BAD_REQUEST")) notFound();
    throw err;
  });
  return (
    <TenantProvider
      tenant={{
        slug: tenant.slug,
        name: tenant.name,
        role: tenant.role,
        permissions: tenant.permissions,
        plan: tenant.plan,
        apiRequestsPerMinute: tenant.apiRequestsPerMinute,
      }}
    >
      <TenantNav />
      <main className="mx-auto max-w-7xl px-3 py-6 sm:px-6">{children}</main>
    </TenantProvider>
  );
}
