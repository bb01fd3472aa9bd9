"use client";

import type { Permission, PlanId, Role } from "@aspen/core/browser";
import { createContext, useContext, type ReactNode } from "react";

export interface TenantInfo {
  slug: string;
  name: string;
  role: Role;
  permissions: readonly Permission[];
  plan: PlanId;
  /** REST requests per minute per API key / OAuth grant. */
  apiRequestsPerMinute: number;
}

const TenantContext = createContext<TenantInfo | null>(null);

/** The tenant of the current `/t/<slug>` page and what the signed-in member may do there. */
export function TenantProvider({ tenant, children }: { tenant: TenantInfo; children: ReactNode }) {
  return <TenantContext.Provider value={tenant}>{children}</TenantContext.Provider>;
}

export function useTenant(): TenantInfo {
  const value = useContext(TenantContext);
  if (!value) throw new Error("useTenant must be used inside <TenantProvider>");
  return value;
}

/** Whether the member's role grants `permission` (the server checks again). */
export function useCan(permission: Permission): boolean {
  return useTenant().permissions.includes(permission);
}
