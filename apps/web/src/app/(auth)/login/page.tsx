import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { getDictionary } from "@/i18n/server";
import { getSession } from "@/trpc/server";
import { safeRedirectPath } from "@/server/auth/redirect-target";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.auth.signIn };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeRedirectPath(params.next ?? params.callbackUrl);
  if (await getSession()) redirect(next);
  const code = typeof params.code === "string" ? params.code : undefined;
  return (
    <LoginForm
      next={next}
      initialError={
        code === "rate_limited" ? "rate_limited" : code === "invalid_credentials" || params.error ? "invalid_credentials" : undefined
      }
      signedUp={params.signedUp === "1"}
      email={typeof params.email === "string" ? params.email : ""}
    />
  );
}
