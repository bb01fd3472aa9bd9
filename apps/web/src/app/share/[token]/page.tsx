import type { Metadata } from "next";
import { SharedDashboard } from "@/components/dashboards/shared-dashboard";
import { PublicHeader } from "@/components/shell/public-header";
import { getDictionary } from "@/i18n/server";
import { getSession } from "@/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  // The token is the secret: keep the page out of search engines and referrers.
  return { title: t.dashboards.sharedBy, robots: { index: false, follow: false }, referrer: "no-referrer" };
}

/** A shared dashboard: read-only, signed out; the link's token is all it needs. */
export default async function SharedDashboardPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const session = await getSession();
  return (
    <div className="flex min-h-dvh flex-col">
      <PublicHeader signedIn={!!session?.user} />
      <main className="mx-auto w-full max-w-7xl flex-1 px-3 py-6 sm:px-6">
        <SharedDashboard token={token} />
      </main>
    </div>
  );
}
