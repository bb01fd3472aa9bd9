import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "./class-names";

/** A table inside its own horizontal scroller, so a wide table never widens the page. */
export function Table({ className, wrapperClassName, ...rest }: HTMLAttributes<HTMLTableElement> & { wrapperClassName?: string }) {
  return (
    // Focusable so that a table wider than the screen can be scrolled with the keyboard.
    <div
      tabIndex={0}
      className={cn(
        "w-full overflow-x-auto focus-visible:ring-2 focus-visible:ring-emerald-500 focus-visible:outline-none",
        wrapperClassName,
      )}
    >
      <table className={cn("w-full border-collapse text-left text-sm", className)} {...rest} />
    </div>
  );
}

export function THead({ className, ...rest }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className={cn("border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/60", className)} {...rest} />;
}

export function TBody({ className, ...rest }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className={cn("divide-y divide-zinc-100 dark:divide-zinc-800", className)} {...rest} />;
}

export function TR({ className, ...rest }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cn("hover:bg-zinc-50/70 dark:hover:bg-zinc-800/40", className)} {...rest} />;
}

export function TH({ className, ...rest }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      className={cn(
        "px-3 py-2 text-xs font-semibold tracking-wide whitespace-nowrap text-zinc-500 uppercase dark:text-zinc-400",
        className,
      )}
      {...rest}
    />
  );
}

export function TD({ className, ...rest }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("px-3 py-2 align-middle text-zinc-800 dark:text-zinc-200", className)} {...rest} />;
}
