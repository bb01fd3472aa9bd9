/** Names of the tenant plans, and what they grant, wherever the console shows them. */
export const plansEn = {
  free: "Free",
  pro: "Pro",
  enterprise: "Enterprise",
  apiLimit: "{plan} plan: each key and OAuth app may make {limit} requests per minute.",
};
