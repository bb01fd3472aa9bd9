import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppHeader } from "@/components/shell/app-header";
import { getCaller, getSession } from "@/trpc/server";

/** Every console page needs a signed-in user; the header lists their tenants. */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const session = await getSession();
  if (!session?.user) redirect("/login");
  const caller = await getCaller();
  const [tenants, me] = await Promise.all([caller.tenant.list({ page: 1, pageSize: 100 }), caller.auth.me()]);
  return (
    <div className="flex min-h-dvh flex-col">
      <AppHeader
        user={{ email: session.user.email, name: session.user.name, platformAdmin: me.platformAdmin }}
        tenants={tenants.items.map((x) => ({ slug: x.slug, name: x.name, role: x.role }))}
      />
      <div className="flex-1">{children}</div>
    </div>
  );
}
