import { decodeBase58_128, encodeLimbsBase58_128 } from "./base58";

/** What a public id names: device, product, tenant, user, invitation, webhook, event, app, command, API key, alert rule, alarm, notification, webhook delivery, export, console session, dashboard, dashboard share link. */
export const idPrefixes = [
  "dev",
  "prd",
  "ten",
  "usr",
  "inv",
  "whk",
  "evt",
  "app",
  "cmd",
  "key",
  "rul",
  "alm",
  "ntf",
  "dlv",
  "exp",
  "ses",
  "dsh",
  "shr",
] as const;
export type IdPrefix = (typeof idPrefixes)[number];

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A uuid as four big-endian 32-bit limbs (its hex digits 0–7, 8–15, 16–23, 24–31). */
function uuidToLimbs(uuid: string): number[] {
  if (!uuidPattern.test(uuid)) throw new TypeError(`not a uuid: ${uuid}`);
  return [
    Number.parseInt(uuid.slice(0, 8), 16),
    Number.parseInt(uuid.slice(9, 13) + uuid.slice(14, 18), 16),
    Number.parseInt(uuid.slice(19, 23) + uuid.slice(24, 28), 16),
    Number.parseInt(uuid.slice(28, 36), 16),
  ];
}

function bytesToUuid(bytes: Uint8Array): string {
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The public form of a uuid, e.g. `dev_` + 22 base58 digits; throws if `uuid` is not a uuid. */
export function publicId(prefix: IdPrefix, uuid: string): string {
  return `${prefix}_${encodeLimbsBase58_128(uuidToLimbs(uuid))}`;
}

/** The (lowercase) uuid behind a public id, or null if it has another prefix or is malformed. */
export function parsePublicId(prefix: IdPrefix, id: string): string | null {
  if (typeof id !== "string" || !id.startsWith(`${prefix}_`)) return null;
  const bytes = decodeBase58_128(id.slice(prefix.length + 1));
  return bytes ? bytesToUuid(bytes) : null;
}
