import type { Metadata } from "next";
import { ConnectedApps } from "@/components/oauth/connected-apps";
import { getDictionary } from "@/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.oauth.connectedApps };
}

export default function Page() {
  return (
    <main className="mx-auto max-w-3xl px-3 py-8 sm:px-6">
      <ConnectedApps />
    </main>
  );
}
