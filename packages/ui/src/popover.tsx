"use client";

import { Popover as PopoverPrimitive } from "radix-ui";
import { useState, type ReactNode } from "react";
import { cn } from "./class-names";

const triggerClasses =
  "flex h-8 max-w-full min-w-0 items-center gap-1.5 rounded-md px-2 text-sm font-medium text-zinc-800 hover:bg-zinc-100 focus-visible:ring-2 focus-visible:ring-emerald-500 focus-visible:outline-none dark:text-zinc-200 dark:hover:bg-zinc-800";

const panelClasses =
  "z-40 w-64 max-w-[calc(100vw-1rem)] rounded-lg border border-zinc-200 bg-white p-1 text-zinc-900 shadow-lg dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100";

/**
 * A button that opens a non-modal panel (WAI-ARIA disclosure/dialog, Radix): `aria-haspopup`, focus
 * moves into the panel and back to the button, Escape, an outside click or tabbing out closes it.
 */
export function Popover({
  trigger,
  children,
  align = "start",
  className,
  panelClassName,
  label,
  testId,
}: {
  trigger: ReactNode;
  children: ReactNode | ((close: () => void) => ReactNode);
  align?: "start" | "end";
  className?: string;
  panelClassName?: string;
  /** Accessible name of the button and of the panel. */
  label?: string;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  return (
    <PopoverPrimitive.Root open={open} onOpenChange={setOpen}>
      <div className={cn("relative min-w-0", className)}>
        <PopoverPrimitive.Trigger aria-label={label} data-testid={testId} className={triggerClasses}>
          {trigger}
        </PopoverPrimitive.Trigger>
      </div>
      <PopoverPrimitive.Portal>
        <PopoverPrimitive.Content
          aria-label={label}
          align={align}
          sideOffset={4}
          collisionPadding={8}
          className={cn(panelClasses, panelClassName)}
        >
          {typeof children === "function" ? children(close) : children}
        </PopoverPrimitive.Content>
      </PopoverPrimitive.Portal>
    </PopoverPrimitive.Root>
  );
}

/** Classes for an item inside a Popover or Menu panel (link or button). */
export const menuItemClasses =
  "flex w-full cursor-pointer items-center gap-2 rounded-md px-2.5 py-1.5 text-left text-sm text-zinc-700 outline-none hover:bg-zinc-100 focus-visible:bg-zinc-100 data-[highlighted]:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:focus-visible:bg-zinc-800 dark:data-[highlighted]:bg-zinc-800";

export { triggerClasses as popoverTriggerClasses, panelClasses as popoverPanelClasses };
