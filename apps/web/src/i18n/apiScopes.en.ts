import type { ApiScope } from "@aspen/core/browser";

/** API scopes in plain words (API keys page, OAuth consent). */
export const apiScopesEn: Record<ApiScope, string> = {
  "tenant:read": "Read the tenant's name and settings",
  "members:read": "See the tenant's members",
  "products:read": "Read products and their thing models",
  "products:write": "Create, change and delete products",
  "devices:read": "Read devices and their state",
  "devices:write": "Register, change, enable, disable and delete devices",
  "devices:secrets": "Rotate device secrets",
  "telemetry:read": "Read telemetry: latest values and history",
  "attributes:write": "Set devices' desired attributes",
  "commands:read": "Read commands sent to devices",
  "commands:write": "Send commands to devices",
  "alarms:read": "Read alarms",
  "alarms:write": "Acknowledge and clear alarms",
  "rules:read": "Read alert rules",
  "rules:write": "Create and change alert rules",
  "webhooks:read": "Read webhook endpoints and deliveries",
  "webhooks:write": "Create and change webhook endpoints",
  "audit:read": "Read the audit log",
  "dashboards:read": "Read dashboards and the data their widgets show",
  "dashboards:write": "Create, change and delete dashboards, and manage their share links",
  "notifications:read": "Read your own notifications and notification settings",
  "notifications:write": "Mark your own notifications read and change your notification settings",
};
