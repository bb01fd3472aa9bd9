import Link from "next/link";

/** The Aspen mark and name; the name hides on narrow screens when `compact`. */
export function Logo({ href = "/", compact = false }: { href?: string; compact?: boolean }) {
  return (
    <Link href={href} className="flex shrink-0 items-center gap-2 font-semibold text-zinc-900 dark:text-zinc-100" data-testid="logo">
      <svg viewBox="0 0 32 32" className="size-7" aria-hidden>
        <rect width="32" height="32" rx="8" className="fill-emerald-600 dark:fill-emerald-500" />
        <path d="M16 6l7 12h-4l4 7H9l4-7H9z" className="fill-white dark:fill-zinc-950" />
      </svg>
      {/* Visually hidden (not removed) on narrow screens so that the link keeps its name. */}
      <span className={compact ? "sr-only sm:not-sr-only" : undefined}>Aspen</span>
    </Link>
  );
}
