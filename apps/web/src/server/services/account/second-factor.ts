import { acceptTotpStep, findTotp, useRecoveryCode, withSystem, type Database } from "@aspen/db";
import { decryptTotpKey, hashRecoveryCode, matchingStep } from "./totp-key";

export type SecondFactor = "not_required" | "missing" | "ok" | "wrong";

/**
 * The sign-in check after the password: users with TOTP on must give a current code (each time
 * step works once) or an unused recovery code (each works once).
 */
export async function checkSecondFactor(db: Database, userId: string, code: string | undefined): Promise<SecondFactor> {
  const row = await withSystem(db, (tx) => findTotp(tx, userId));
  if (!row?.enabledAt) return "not_required";
  if (!code) return "missing";
  const trimmed = code.replace(/\s/g, "");
  const step = matchingStep(decryptTotpKey(row.secretEnc), trimmed);
  if (step !== null) return (await withSystem(db, (tx) => acceptTotpStep(tx, userId, step))) ? "ok" : "wrong";
  if (/^[0-9a-f]{5}-?[0-9a-f]{5}$/i.test(trimmed)) {
    const normalized = trimmed.includes("-") ? trimmed : `${trimmed.slice(0, 5)}-${trimmed.slice(5)}`;
    if (await withSystem(db, (tx) => useRecoveryCode(tx, userId, hashRecoveryCode(normalized)))) return "ok";
  }
  return "wrong";
}
