import type { ReactNode } from "react";

export function AuthCard({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
  footer?: ReactNode;
}) {
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight" data-testid="page-title">
        {title}
      </h1>
      {subtitle ? <p className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">{subtitle}</p> : null}
      <div className="mt-6 rounded-lg border border-zinc-200 bg-white p-5 shadow-xs dark:border-zinc-800 dark:bg-zinc-900">{children}</div>
      {footer ? <p className="mt-4 text-center text-sm text-zinc-600 dark:text-zinc-400">{footer}</p> : null}
    </div>
  );
}
