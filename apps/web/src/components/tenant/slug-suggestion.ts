import { slugify } from "@aspen/core/browser";

const alphabet = "abcdefghijkmnpqrstuvwxyz23456789";

/** A short random suffix (no look-alike characters) for slugs of names without Latin letters. */
export function randomSlugSuffix(length = 4): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
}

/**
 * The slug suggested for a tenant name: `slugify` for Latin names; for names it cannot transliterate
 * (e.g. Chinese only, which `slugify` turns into `tenant`), `tenant-<suffix>` so that the
 * suggestion is not the same for everyone. Always editable by the user.
 */
export function suggestSlug(name: string, suffix: string): string {
  if (!name.trim()) return "";
  const latin = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  if (!/[a-z0-9]/.test(latin)) return `tenant-${suffix}`;
  return slugify(name);
}
