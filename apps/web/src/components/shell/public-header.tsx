"use client";

import { LocaleSwitcher } from "./locale-switcher";
import { Logo } from "./logo";
import { ThemeToggle } from "./theme-toggle";

/** Top bar for signed-out pages (landing, sign-in, invitations). */
export function PublicHeader({ signedIn = false, children }: { signedIn?: boolean; children?: React.ReactNode }) {
  return (
    <header className="border-b border-zinc-200 bg-white/80 dark:border-zinc-800 dark:bg-zinc-950/80">
      <div className="mx-auto flex h-14 max-w-5xl items-center gap-2 px-3 sm:px-6">
        <Logo />
        <div className="ml-auto flex items-center gap-1">
          {children}
          <LocaleSwitcher signedIn={signedIn} />
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
