import { buttonClasses } from "@aspen/ui";
import Link from "next/link";
import { getDictionary } from "@/i18n/server";

export default async function NotFound() {
  const { t } = await getDictionary();
  return (
    <main data-testid="not-found" className="mx-auto flex max-w-md flex-col items-center gap-3 px-4 py-24 text-center">
      <p className="font-mono text-sm text-zinc-500 dark:text-zinc-400">404</p>
      <h1 className="text-xl font-semibold">{t.common.notFoundTitle}</h1>
      <p className="text-sm text-zinc-500 dark:text-zinc-400">{t.common.notFoundHint}</p>
      <Link href="/" className={buttonClasses({ className: "mt-2" })}>
        {t.common.goHome}
      </Link>
    </main>
  );
}
