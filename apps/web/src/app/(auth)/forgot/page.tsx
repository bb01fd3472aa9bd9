import type { Metadata } from "next";
import { ForgotForm } from "@/components/account/forgot-form";
import { getDictionary } from "@/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.passwordReset.forgotTitle };
}

export default function ForgotPage() {
  return <ForgotForm />;
}
