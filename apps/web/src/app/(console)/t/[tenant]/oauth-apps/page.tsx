import type { Metadata } from "next";
import { OAuthAppsPage } from "@/components/oauth/oauth-apps-page";
import { getDictionary } from "@/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.oauthApps.title };
}

export default function Page() {
  return <OAuthAppsPage />;
}
