import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ConsentForm } from "@/components/oauth/consent-form";
import { format } from "@/i18n/locales";
import { getDictionary } from "@/i18n/server";
import { checkAuthorizeRequest } from "@/server/oauth/authorize-request";
import { grantableTenants } from "@/server/oauth/consent-tenants";
import { getSession } from "@/trpc/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getDictionary();
  return { title: t.oauth.pageTitle, robots: { index: false } };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

/** GET /oauth/authorize: checks the request, signs the user in if needed, then asks for consent. */
export default async function AuthorizePage({ searchParams }: { searchParams: Search }) {
  const raw = await searchParams;
  const q = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? undefined : v]));
  const { t } = await getDictionary();
  const check = await checkAuthorizeRequest(q);
  if (check.kind === "redirect") redirect(check.location);
  if (check.kind === "error") {
    return (
      <main className="mx-auto max-w-md px-4 py-16">
        <h1 className="text-xl font-semibold text-zinc-900 dark:text-zinc-100" data-testid="oauth-error-title">
          {t.oauth.errorTitle}
        </h1>
        <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400" data-testid="oauth-error">
          {t.oauth[check.message as "unknown_client" | "invalid_redirect_uri"]}
        </p>
      </main>
    );
  }
  const session = await getSession();
  if (!session?.user?.id) {
    const here = `/oauth/authorize?${new URLSearchParams(q as Record<string, string>)}`;
    redirect(`/login?next=${encodeURIComponent(here)}`);
  }
  const tenants = await grantableTenants(session.user.id, check.params.scope);
  return (
    <ConsentForm
      app={{ name: check.app.name, logoUrl: check.app.logoUrl, homepageUrl: check.app.homepageUrl, tenantName: check.app.tenantName }}
      email={session.user.email ?? ""}
      query={q as Record<string, string>}
      scopes={check.params.scope}
      tenants={tenants.map(({ id, name, slug }) => ({ id, name, slug }))}
      strings={{
        title: format(t.oauth.consentTitle, { app: check.app.name }),
        intro: format(t.oauth.consentIntro, { app: check.app.name }),
        registeredBy: format(t.oauth.registeredBy, { tenant: check.app.tenantName }),
        signedInAs: format(t.oauth.signedInAs, { email: session.user.email ?? "" }),
      }}
    />
  );
}
