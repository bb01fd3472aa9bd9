"use client";

import { useId, type ReactNode } from "react";
import { cn } from "./class-names";

export interface TabItem<K extends string> {
  key: K;
  label: ReactNode;
  testId?: string;
}

/** Controlled tabs: the parent keeps `value` and renders the panel for it inside. */
export function Tabs<K extends string>({
  items,
  value,
  onChange,
  children,
  className,
  listClassName,
}: {
  items: readonly TabItem<K>[];
  value: K;
  onChange: (key: K) => void;
  children: ReactNode;
  className?: string;
  /** e.g. `lg:hidden` for tabs that only narrow screens need (see ResponsiveSections in the console). */
  listClassName?: string;
}) {
  const id = useId();
  return (
    <div className={className}>
      <div role="tablist" className={cn("flex gap-1 overflow-x-auto border-b border-zinc-200 dark:border-zinc-800", listClassName)}>
        {items.map((item) => {
          const selected = item.key === value;
          return (
            <button
              key={item.key}
              type="button"
              role="tab"
              id={`${id}-tab-${item.key}`}
              aria-selected={selected}
              aria-controls={`${id}-panel`}
              data-testid={item.testId}
              onClick={() => onChange(item.key)}
              className={cn(
                "-mb-px border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
                selected
                  ? "border-emerald-600 text-emerald-700 dark:border-emerald-400 dark:text-emerald-300"
                  : "border-transparent text-zinc-500 hover:text-zinc-800 dark:text-zinc-400 dark:hover:text-zinc-200",
              )}
            >
              {item.label}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${value}`} className="pt-4">
        {children}
      </div>
    </div>
  );
}
