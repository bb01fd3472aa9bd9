import type { Metadata } from "next";
import { AccountSettings } from "@/components/account/account-settings";
import { TwoFactorCard } from "@/components/account/two-factor-card";
import { getDictionary } from "@/i18n/server";
import { getCaller } from "@/trpc/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.account.title };
}

export default async function AccountPage() {
  const me = await (await getCaller()).auth.me();
  return (
    <main className="mx-auto max-w-2xl px-3 py-8 sm:px-6">
      <AccountSettings user={{ email: me.email, name: me.name }} />
      <div className="mt-6">
        <TwoFactorCard />
      </div>
    </main>
  );
}
