import type { Metadata } from "next";
import { ResetForm } from "@/components/account/reset-form";
import { getDictionary } from "@/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  // The token is a bearer secret: keep it out of referrers (the layout's policy already strips paths cross-origin).
  return { title: t.passwordReset.resetTitle, referrer: "no-referrer" };
}

export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <ResetForm token={token} />;
}
