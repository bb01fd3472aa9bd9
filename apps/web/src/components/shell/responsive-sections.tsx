"use client";

import { Tabs } from "@aspen/ui";
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
      keepMounted
      items={sections.map((s) => ({
        key: s.key,
        label: s.label,
        testId: `section-tab-${s.key}`,
        // On wide screens every section shows, one under the other.
        panelClassName: "lg:pt-0 lg:data-[state=inactive]:block",
        content: (
          <section data-testid={`section-${s.key}`} aria-label={s.label}>
            {s.content}
          </section>
        ),
      }))}
      value={active}
      onChange={setActive}
      listClassName="lg:hidden"
      className="lg:space-y-6"
    />
  );
}
