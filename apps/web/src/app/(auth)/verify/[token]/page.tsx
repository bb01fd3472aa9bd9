import type { Metadata } from "next";
import { VerifyEmail } from "@/components/account/verify-email";
import { getDictionary } from "@/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.passwordReset.verifyTitle, referrer: "no-referrer" };
}

export default async function VerifyPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return <VerifyEmail token={token} />;
}
