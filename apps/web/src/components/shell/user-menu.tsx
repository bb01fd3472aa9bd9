"use client";

import { Menu, MenuItem, MenuSeparator } from "@aspen/ui";
import Link from "next/link";
import { useRef } from "react";
import { useI18n } from "@/i18n/provider";
import { logoutAction } from "@/server/auth/actions";

/** The avatar menu: who is signed in, account settings, the platform pages for operators, and sign-out. */
export function UserMenu({ user }: { user: { email: string; name: string; platformAdmin?: boolean } }) {
  const { t } = useI18n();
  const logoutForm = useRef<HTMLFormElement>(null);
  const initial = (user.name || user.email).trim().charAt(0).toUpperCase() || "?";
  return (
    <>
      {/* Outside the menu so that closing the menu does not unmount it mid-submit. */}
      <form ref={logoutForm} action={logoutAction} hidden />
      <Menu
        align="end"
        testId="user-menu"
        label={`${t.nav.userMenu}: ${user.name || user.email}`}
        className="shrink-0"
        trigger={
          <span
            aria-hidden
            className="grid size-7 place-items-center rounded-full bg-emerald-100 text-sm font-semibold text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200"
          >
            {initial}
          </span>
        }
      >
        <div className="px-2.5 py-2">
          <p className="truncate text-sm font-medium">{user.name}</p>
          <p className="truncate text-xs text-zinc-500 dark:text-zinc-400" data-testid="user-email">
            {user.email}
          </p>
        </div>
        <MenuSeparator />
        <MenuItem asChild>
          <Link href="/tenants">{t.nav.tenants}</Link>
        </MenuItem>
        <MenuItem asChild>
          <Link href="/account" data-testid="account-link">
            {t.nav.account}
          </Link>
        </MenuItem>
        {user.platformAdmin ? (
          <>
            <MenuItem asChild>
              <Link href="/platform/queues" data-testid="platform-queues-link">
                {t.platformQueues.navLink}
              </Link>
            </MenuItem>
            <MenuItem asChild>
              <Link href="/platform/tenants" data-testid="platform-tenants-link">
                {t.platformTenants.navLink}
              </Link>
            </MenuItem>
          </>
        ) : null}
        <MenuItem data-testid="sign-out" onSelect={() => logoutForm.current?.requestSubmit()}>
          {t.nav.signOut}
        </MenuItem>
      </Menu>
    </>
  );
}
