import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignupForm } from "@/components/auth/signup-form";
import { getDictionary } from "@/i18n/server";
import { getSession } from "@/trpc/server";
import { safeRedirectPath } from "@/server/auth/redirect-target";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.auth.toSignup };
}

export default async function SignupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeRedirectPath(params.next);
  if (await getSession()) redirect(next);
  return <SignupForm next={next} email={typeof params.email === "string" ? params.email : ""} />;
}
