/** Strings of the platform operators' tenants page (plans). */
export const platformTenantsEn = {
  title: "Tenants and plans",
  subtitle: "Every tenant of the platform and the plan that sets its limits.",
  navLink: "Tenants and plans",
  searchPlaceholder: "Search by name or slug",
  tenant: "Tenant",
  status: "Status",
  active: "Active",
  suspended: "Suspended",
  plan: "Plan",
  planOf: "Plan of {name}",
  created: "Created",
  empty: "No tenants yet",
  noMatch: "No tenant matches this search.",
  planOption: "{plan} · {limit} API requests/min",
  confirmTitle: "Move {name} to {plan}?",
  confirmBody:
    "Each of its API keys and OAuth apps may then make {limit} REST requests per minute (now {current}). This web process applies it at once, the others within a minute.",
  confirm: "Change plan",
  changed: "{name} is now on {plan}.",
};
