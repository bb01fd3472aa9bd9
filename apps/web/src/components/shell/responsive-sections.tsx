"use client";

import { cn, Tabs } from "@aspen/ui";
import { useState, type ReactNode } from "react";

export interface Section<K extends string> {
  key: K;
  label: string;
  content: ReactNode;
}

/**
 * Sections of a long page: one under the other on wide screens; on narrow ones (below `lg`) a tab
 * bar shows one section at a time. Every section stays mounted either way (its data stays live).
 */
export function ResponsiveSections<K extends string>({ sections, initial }: { sections: readonly Section<K>[]; initial: K }) {
  const [active, setActive] = useState<K>(initial);
  return (
    <Tabs
      items={sections.map((s) => ({ key: s.key, label: s.label, testId: `section-tab-${s.key}` }))}
      value={active}
      onChange={setActive}
      listClassName="lg:hidden"
      className="lg:[&>[role=tabpanel]]:pt-0"
    >
      <div className="space-y-6">
        {sections.map((s) => (
          <section key={s.key} data-testid={`section-${s.key}`} aria-label={s.label} className={cn(s.key === active ? "block" : "hidden lg:block")}>
            {s.content}
          </section>
        ))}
      </div>
    </Tabs>
  );
}
