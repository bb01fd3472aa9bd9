"use client";

import { menuItemClasses, Popover } from "@aspen/ui";
import Link from "next/link";
import { useI18n } from "@/i18n/provider";
import { logoutAction } from "@/server/auth/actions";

/** The avatar menu: who is signed in, account settings and sign-out. */
export function UserMenu({ user }: { user: { email: string; name: string } }) {
  const { t } = useI18n();
  const initial = (user.name || user.email).trim().charAt(0).toUpperCase() || "?";
  return (
    <Popover
      align="end"
      testId="user-menu"
      label={t.nav.userMenu}
      className="shrink-0"
      trigger={
        <span className="grid size-7 place-items-center rounded-full bg-emerald-100 text-sm font-semibold text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200">
          {initial}
        </span>
      }
    >
      {(close) => (
        <div>
          <div className="border-b border-zinc-200 px-2.5 py-2 dark:border-zinc-800">
            <p className="truncate text-sm font-medium">{user.name}</p>
            <p className="truncate text-xs text-zinc-500 dark:text-zinc-400" data-testid="user-email">
              {user.email}
            </p>
          </div>
          <div className="pt-1">
            <Link href="/tenants" onClick={close} className={menuItemClasses}>
              {t.nav.tenants}
            </Link>
            <Link href="/account" onClick={close} className={menuItemClasses} data-testid="account-link">
              {t.nav.account}
            </Link>
            <form action={logoutAction}>
              <button type="submit" className={menuItemClasses} data-testid="sign-out">
                {t.nav.signOut}
              </button>
            </form>
          </div>
        </div>
      )}
    </Popover>
  );
}
