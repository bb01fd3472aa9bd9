import { z } from "zod";

/** Lowercase letters, digits and inner hyphens. */
export const slugPattern = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/** Slugs that would clash with routes, hosts or would mislead. */
export const reservedSlugs: ReadonlySet<string> = new Set([
  "t",
  "api",
  "admin",
  "new",
  "settings",
  "login",
  "logout",
  "signup",
  "signin",
  "register",
  "auth",
  "oauth",
  "app",
  "apps",
  "www",
  "console",
  "dashboard",
  "docs",
  "help",
  "support",
  "status",
  "billing",
  "static",
  "assets",
  "public",
  "mqtt",
  "broker",
  "device",
  "devices",
  "me",
  "root",
  "system",
  "platform",
  "aspen",
  "invite",
  "invitations",
  "account",
  "onboarding",
]);

/** A tenant's slug, as used in URLs and MQTT usernames. */
export const slugSchema = z
  .string({ error: "Enter a slug" })
  .min(3, { error: "Use at least 3 characters" })
  .max(40, { error: "Use at most 40 characters" })
  .regex(slugPattern, {
    error: "Use lowercase letters, digits and hyphens, starting and ending with a letter or digit",
  })
  .refine((s) => !reservedSlugs.has(s), { error: "This name is reserved; choose another" });

/** A valid slug derived from a name (`"Acme Sensors GmbH"` → `acme-sensors-gmbh`); uniqueness is up to the caller. */
export function slugify(name: string): string {
  let slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  if (slug === "") slug = "tenant";
  if (slug.length < 3 || reservedSlugs.has(slug)) slug = `${slug}-org`;
  return slug;
}
