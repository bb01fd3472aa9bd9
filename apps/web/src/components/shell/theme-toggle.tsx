"use client";

import { Menu, MenuRadioGroup, MenuRadioItem } from "@aspen/ui";
import { useTheme } from "next-themes";
import { useEffect, useState } from "react";
import { useI18n } from "@/i18n/provider";

const choices = ["light", "dark", "system"] as const;

function Icon({ dark }: { dark: boolean }) {
  return dark ? (
    <svg viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
      <path d="M21 12.8A9 9 0 1 1 11.2 3a7 7 0 0 0 9.8 9.8z" strokeLinejoin="round" />
    </svg>
  ) : (
    <svg viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" strokeLinecap="round" />
    </svg>
  );
}

/** Light, dark or the system's choice (the default), from a small menu; the choice is remembered. */
export function ThemeToggle() {
  const { theme, resolvedTheme, setTheme } = useTheme();
  const { t } = useI18n();
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const current = mounted ? (theme ?? "system") : "system";
  return (
    <Menu
      align="end"
      testId="theme-toggle"
      label={`${t.theme.label}: ${t.theme[current as (typeof choices)[number]] ?? t.theme.system}`}
      className="shrink-0"
      trigger={<Icon dark={mounted && resolvedTheme === "dark"} />}
      panelClassName="w-44"
    >
      <MenuRadioGroup value={current} onValueChange={setTheme}>
        {choices.map((c) => (
          <MenuRadioItem key={c} value={c} data-testid={`theme-${c}`}>
            {t.theme[c]}
          </MenuRadioItem>
        ))}
      </MenuRadioGroup>
    </Menu>
  );
}
