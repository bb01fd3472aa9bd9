"use client";

import { Button, cn, FieldError } from "@aspen/ui";
import type { ReactNode } from "react";
import { useI18n } from "@/i18n/provider";
import { RemoveButton } from "./thing-model-fields";

export const rowBox = "rounded-md border border-zinc-200 bg-zinc-50/60 p-3 dark:border-zinc-800 dark:bg-zinc-950/40";

/**
 * One section of the thing model (properties, events or commands): a heading with the count, an
 * add button, the section's own error, and one box per item with its fields, a remove button and
 * whatever goes below the fields (parameter lists). Every control is named after its item.
 */
export function ThingModelSection<T extends { key: string }>({
  title,
  items,
  onChange,
  create,
  addLabel,
  emptyText,
  error,
  readOnly,
  testId,
  addTestId,
  itemTestId,
  itemName,
  gridClassName,
  fields,
  below,
}: {
  title: string;
  items: readonly T[];
  onChange: (items: T[]) => void;
  create: () => T;
  addLabel: string;
  emptyText: string;
  error?: string;
  readOnly: boolean;
  testId: string;
  addTestId: string;
  /** `property` → rows `property-0`, `property-0-remove`. */
  itemTestId: string;
  /** Names the n-th item (1-based), e.g. "property 2". */
  itemName: (n: number) => string;
  gridClassName: string;
  fields: (item: T, i: number, patch: (p: Partial<T>) => void, name: string) => ReactNode;
  below?: (item: T, i: number, patch: (p: Partial<T>) => void, name: string) => ReactNode;
}) {
  const { t, format } = useI18n();
  const patchAt = (i: number) => (p: Partial<T>) => onChange(items.map((x, j) => (j === i ? { ...x, ...p } : x)));
  return (
    <section data-testid={testId} aria-label={title} className="space-y-2">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold text-zinc-800 dark:text-zinc-200">
          {title} <span className="font-normal text-zinc-500 dark:text-zinc-400">({items.length})</span>
        </h3>
        {!readOnly ? (
          <Button size="sm" variant="secondary" onClick={() => onChange([...items, create()])} data-testid={addTestId}>
            + {addLabel}
          </Button>
        ) : null}
      </div>
      <FieldError message={error} />
      {items.length === 0 ? <p className="text-sm text-zinc-500 dark:text-zinc-400">{emptyText}</p> : null}
      {items.map((item, i) => {
        const name = itemName(i + 1);
        const patch = patchAt(i);
        return (
          <div key={item.key} className={cn(rowBox, "space-y-3")} data-testid={`${itemTestId}-${i}`} role="group" aria-label={name}>
            <div className="flex items-start gap-2">
              <div className={cn("grid flex-1 gap-2", gridClassName)}>{fields(item, i, patch, name)}</div>
              <RemoveButton
                label={format(t.ui.removeItem, { item: name })}
                disabled={readOnly}
                testId={`${itemTestId}-${i}-remove`}
                onClick={() => onChange(items.filter((_, j) => j !== i))}
              />
            </div>
            {below?.(item, i, patch, name)}
          </div>
        );
      })}
    </section>
  );
}
