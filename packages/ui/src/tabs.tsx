"use client";

import { Tabs as TabsPrimitive } from "radix-ui";
import type { ReactNode } from "react";
import { cn } from "./class-names";

export interface TabItem<K extends string> {
  key: K;
  label: ReactNode;
  testId?: string;
  content: ReactNode;
  /** Classes of this tab's panel. */
  panelClassName?: string;
}

/**
 * Controlled tabs (WAI-ARIA tabs pattern, Radix): arrow keys, Home and End move between tabs and
 * activate them. With `keepMounted` every panel stays mounted and inactive ones are hidden with
 * `data-[state=inactive]:hidden` (override per panel, e.g. to show all panels on wide screens).
 */
export function Tabs<K extends string>({
  items,
  value,
  onChange,
  className,
  listClassName,
  label,
  keepMounted = false,
}: {
  items: readonly TabItem<K>[];
  value: K;
  onChange: (key: K) => void;
  className?: string;
  /** e.g. `lg:hidden` for tabs that only narrow screens need (see ResponsiveSections in the console). */
  listClassName?: string;
  /** Accessible name of the tab list. */
  label?: string;
  keepMounted?: boolean;
}) {
  return (
    <TabsPrimitive.Root value={value} onValueChange={(v) => onChange(v as K)} className={className}>
      <TabsPrimitive.List
        aria-label={label}
        className={cn("flex gap-1 overflow-x-auto border-b border-zinc-200 dark:border-zinc-800", listClassName)}
      >
        {items.map((item) => (
          <TabsPrimitive.Trigger
            key={item.key}
            value={item.key}
            data-testid={item.testId}
            className={cn(
              "-mb-px border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap focus-visible:ring-2 focus-visible:ring-emerald-500 focus-visible:outline-none",
              "border-transparent text-zinc-600 hover:text-zinc-800 dark:text-zinc-400 dark:hover:text-zinc-200",
              "data-[state=active]:border-emerald-600 data-[state=active]:text-emerald-700 dark:data-[state=active]:border-emerald-400 dark:data-[state=active]:text-emerald-300",
            )}
          >
            {item.label}
          </TabsPrimitive.Trigger>
        ))}
      </TabsPrimitive.List>
      {items.map((item) => (
        <TabsPrimitive.Content
          key={item.key}
          value={item.key}
          forceMount={keepMounted ? true : undefined}
          className={cn("pt-4 focus-visible:outline-none", keepMounted && "data-[state=inactive]:hidden", item.panelClassName)}
        >
          {item.content}
        </TabsPrimitive.Content>
      ))}
    </TabsPrimitive.Root>
  );
}
