"use client";

import { DropdownMenu } from "radix-ui";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "./class-names";
import { menuItemClasses, popoverPanelClasses, popoverTriggerClasses } from "./popover";

/**
 * A menu button (WAI-ARIA menu pattern, Radix): `aria-haspopup="menu"`, arrow keys, Home/End and
 * type-ahead move between items, Escape closes and returns focus to the button.
 */
export function Menu({
  trigger,
  children,
  align = "start",
  className,
  panelClassName,
  label,
  testId,
  menuTestId,
}: {
  trigger: ReactNode;
  children: ReactNode;
  align?: "start" | "end";
  className?: string;
  panelClassName?: string;
  /** Accessible name of the button and of the menu. */
  label: string;
  testId?: string;
  menuTestId?: string;
}) {
  return (
    <DropdownMenu.Root modal={false}>
      <div className={cn("relative min-w-0", className)}>
        <DropdownMenu.Trigger aria-label={label} data-testid={testId} className={popoverTriggerClasses}>
          {trigger}
        </DropdownMenu.Trigger>
      </div>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          aria-label={label}
          data-testid={menuTestId}
          align={align}
          sideOffset={4}
          collisionPadding={8}
          className={cn(popoverPanelClasses, panelClassName)}
        >
          {children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

/** One item; pass `asChild` with a link to navigate. */
export function MenuItem({ className, ...props }: ComponentProps<typeof DropdownMenu.Item>) {
  return <DropdownMenu.Item className={cn(menuItemClasses, className)} {...props} />;
}

export function MenuLabel({ className, ...props }: ComponentProps<typeof DropdownMenu.Label>) {
  return (
    <DropdownMenu.Label
      className={cn("px-2.5 pt-1.5 pb-1 text-xs font-medium text-zinc-500 uppercase dark:text-zinc-400", className)}
      {...props}
    />
  );
}

export function MenuSeparator({ className, ...props }: ComponentProps<typeof DropdownMenu.Separator>) {
  return <DropdownMenu.Separator className={cn("my-1 h-px bg-zinc-200 dark:bg-zinc-800", className)} {...props} />;
}

export const MenuGroup = DropdownMenu.Group;

/** Items of which one is chosen (`role="menuitemradio"`, `aria-checked`), e.g. light / dark / system. */
export function MenuRadioGroup({
  value,
  onValueChange,
  children,
}: {
  value: string;
  onValueChange: (v: string) => void;
  children: ReactNode;
}) {
  return (
    <DropdownMenu.RadioGroup value={value} onValueChange={onValueChange}>
      {children}
    </DropdownMenu.RadioGroup>
  );
}

export function MenuRadioItem({ className, children, ...props }: ComponentProps<typeof DropdownMenu.RadioItem>) {
  return (
    <DropdownMenu.RadioItem className={cn(menuItemClasses, className)} {...props}>
      <span className="flex-1">{children}</span>
      <DropdownMenu.ItemIndicator aria-hidden>✓</DropdownMenu.ItemIndicator>
    </DropdownMenu.RadioItem>
  );
}
