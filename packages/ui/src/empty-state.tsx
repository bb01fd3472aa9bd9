import type { ReactNode } from "react";
import { cn } from "./class-names";

/** What a list shows when it has nothing: a title, a hint and usually the action that fills it. */
export function EmptyState({
  title,
  description,
  action,
  className,
  testId,
}: {
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <div
      data-testid={testId ?? "empty-state"}
      className={cn("flex flex-col items-center justify-center gap-2 px-4 py-12 text-center", className)}
    >
      <div
        aria-hidden
        className="mb-1 grid size-10 place-items-center rounded-full bg-zinc-100 text-zinc-500 dark:bg-zinc-800 dark:text-zinc-400"
      >
        <svg viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="1.8">
          <path d="M3 7h18M3 12h18M3 17h10" strokeLinecap="round" />
        </svg>
      </div>
      <p className="font-medium text-zinc-900 dark:text-zinc-100">{title}</p>
      {description ? <p className="max-w-sm text-sm text-zinc-500 dark:text-zinc-400">{description}</p> : null}
      {action ? <div className="mt-2">{action}</div> : null}
    </div>
  );
}
