import { beginTotp, deleteTotp, enableTotp, findTotp, findUserById, withSystem } from "@aspen/db";
import { z } from "zod";
import { recordAudit } from "../../audit";
import { verifyPassword } from "../../auth/password";
import { getSystemDb } from "../../db";
import { appError } from "../../errors";
import type { RequestMeta } from "../../request-meta";
import { decryptTotpKey, encryptTotpKey, matchingStep, newRecoveryCodes, newTotpKey, totpUri } from "./totp-key";

type User = { id: string; email: string };

export const totpStatusOutput = z.object({ enabled: z.boolean(), recoveryCodesLeft: z.number().int() });
export const beginTotpOutput = z.object({ uri: z.string(), secret: z.string() });
export const enableTotpInput = z.object({ code: z.string().trim().max(12) });
export const enableTotpOutput = z.object({ recoveryCodes: z.array(z.string()) });
export const disableTotpInput = z.object({ password: z.string().min(1).max(1024) });
export const disableTotpOutput = z.object({ disabled: z.literal(true) });

const badCode = () =>
  appError("BAD_REQUEST", "totp_code_invalid", "That code is not right: enter the 6 digits your authenticator app shows now", [
    { path: "code", message: "Not the current code" },
  ]);

/** Whether the user has a second factor, and how many recovery codes are left. */
export async function totpStatus(user: User): Promise<z.output<typeof totpStatusOutput>> {
  const row = await withSystem(getSystemDb(), (tx) => findTotp(tx, user.id));
  return { enabled: !!row?.enabledAt, recoveryCodesLeft: row?.enabledAt ? row.recoveryCodeHashes.length : 0 };
}

/** Starts a setup: a new key, shown once as an otpauth:// URI (for a QR code) and as text. */
export async function beginTotpSetup(user: User): Promise<z.output<typeof beginTotpOutput>> {
  const key = newTotpKey();
  const ok = await withSystem(getSystemDb(), (tx) => beginTotp(tx, user.id, encryptTotpKey(key)));
  if (!ok) throw appError("CONFLICT", "totp_enabled", "Two-factor authentication is already on: turn it off first to set up a new app");
  const uri = totpUri(user.email, key);
  return { uri, secret: new URL(uri).searchParams.get("secret") ?? "" };
}

/** Confirms the setup with a current code; returns ten single-use recovery codes, shown this once. */
export async function enableTotpSetup(
  meta: RequestMeta,
  user: User,
  input: z.output<typeof enableTotpInput>,
): Promise<z.output<typeof enableTotpOutput>> {
  const db = getSystemDb();
  const row = await withSystem(db, (tx) => findTotp(tx, user.id));
  if (!row || row.enabledAt) throw appError("BAD_REQUEST", "totp_not_started", "Start the setup first");
  const step = matchingStep(decryptTotpKey(row.secretEnc), input.code);
  if (step === null) throw badCode();
  const { codes, hashes } = newRecoveryCodes();
  await withSystem(db, (tx) => enableTotp(tx, user.id, hashes, step));
  await recordAudit({ meta }, { action: "user.totp_enabled", tenantId: null, actor: { id: user.id, email: user.email } });
  return { recoveryCodes: codes };
}

/** Turns the second factor off; needs the password (a stolen session alone cannot). */
export async function disableTotpSetup(
  meta: RequestMeta,
  user: User,
  input: z.output<typeof disableTotpInput>,
): Promise<z.output<typeof disableTotpOutput>> {
  const db = getSystemDb();
  const u = await findUserById(db, user.id);
  if (!u || !(await verifyPassword(u.passwordHash, input.password))) {
    throw appError("BAD_REQUEST", "wrong_password", "Your password is not correct", [{ path: "password", message: "Not your password" }]);
  }
  await withSystem(db, (tx) => deleteTotp(tx, user.id));
  await recordAudit({ meta }, { action: "user.totp_disabled", tenantId: null, actor: { id: user.id, email: user.email } });
  return { disabled: true };
}
