import { buttonClasses } from "@aspen/ui";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PublicHeader } from "@/components/shell/public-header";
import { getDictionary } from "@/i18n/server";
import { getCaller, getSession } from "@/trpc/server";

/** Signed-in users go to their first tenant (or create one); others see the landing page. */
export default async function LandingPage() {
  const session = await getSession();
  if (session?.user) {
    const tenants = await (await getCaller()).tenant.list({ page: 1, pageSize: 1 });
    const first = tenants.items[0];
    redirect(first ? `/t/${first.slug}` : "/tenants/new");
  }
  const { t } = await getDictionary();
  return (
    <div className="flex min-h-dvh flex-col">
      <PublicHeader>
        <Link href="/login" className={buttonClasses({ variant: "ghost", size: "sm" })} data-testid="landing-login">
          {t.auth.toLogin}
        </Link>
      </PublicHeader>
      <main className="mx-auto flex w-full max-w-5xl flex-1 flex-col justify-center px-4 py-16 sm:px-6">
        <h1 className="max-w-2xl text-3xl font-semibold tracking-tight sm:text-5xl" data-testid="page-title">
          {t.landing.headline}
        </h1>
        <p className="mt-4 max-w-xl text-base text-zinc-600 sm:text-lg dark:text-zinc-400">{t.landing.body}</p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link href="/signup" className={buttonClasses({ className: "h-10 px-5" })} data-testid="landing-signup">
            {t.auth.signUp}
          </Link>
          <Link href="/login" className={buttonClasses({ variant: "secondary", className: "h-10 px-5" })}>
            {t.auth.signIn}
          </Link>
        </div>
        <ol className="mt-14 grid gap-4 sm:grid-cols-3">
          {[t.overview.step1, t.overview.step2, t.overview.step3].map((step, i) => (
            <li key={step} className="rounded-lg border border-zinc-200 bg-white p-4 text-sm dark:border-zinc-800 dark:bg-zinc-900">
              <span className="mb-2 grid size-6 place-items-center rounded-full bg-emerald-100 text-xs font-semibold text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200">
                {i + 1}
              </span>
              {step}
            </li>
          ))}
        </ol>
      </main>
    </div>
  );
}
