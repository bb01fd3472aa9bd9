import type { Metadata } from "next";
import Link from "next/link";
import { AccountSettings } from "@/components/account/account-settings";
import { SessionsCard } from "@/components/account/sessions-card";
import { TwoFactorCard } from "@/components/account/two-factor-card";
import { getDictionary } from "@/i18n/server";
import { getCaller } from "@/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.account.title };
}

export default async function AccountPage() {
  const [me, { t }] = await Promise.all([(await getCaller()).auth.me(), getDictionary()]);
  return (
    <main className="mx-auto max-w-2xl px-3 py-8 sm:px-6">
      <AccountSettings user={{ email: me.email, name: me.name }} />
      <div className="mt-6">
        <TwoFactorCard />
      </div>
      <div className="mt-6">
        <SessionsCard />
      </div>
      <Link
        href="/account/connected-apps"
        className="mt-6 inline-block text-sm font-medium text-emerald-700 hover:underline dark:text-emerald-400"
        data-testid="connected-apps-link"
      >
        {t.oauth.connectedApps} →
      </Link>
    </main>
  );
}
