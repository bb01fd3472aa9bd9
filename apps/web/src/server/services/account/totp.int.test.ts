import { createTestUser } from "@aspen/db/testing";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { authenticate } from "../../auth/credentials";
import { getSystemDb } from "../../db";
import { callerAs, ensureTestEnv } from "../../testing";
import { codeAt, TOTP_PERIOD } from "./totp-key";

ensureTestEnv();

async function reason(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (err) {
    if (err instanceof TRPCError) return (err.cause as { reason?: string } | undefined)?.reason ?? err.code;
    throw err;
  }
}
const meta = () => ({ ip: `198.18.99.${Math.floor(Math.random() * 250) + 1}`, userAgent: "vitest" });
const keyOf = (secretBase32: string) => {
  // RFC 4648 base32 decode (no padding), as authenticator apps do
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const ch of secretBase32.replace(/=+$/, "")) bits += alphabet.indexOf(ch).toString(2).padStart(5, "0");
  return new Uint8Array(bits.match(/.{8}/g)!.map((b) => parseInt(b, 2)));
};

describe("TOTP two-factor authentication", () => {
  it("set up with a current code; sign-in then needs a code, each code and recovery code works once", async () => {
    const u = await createTestUser(getSystemDb());
    const me = callerAs(u);
    expect(await me.account.totpStatus()).toEqual({ enabled: false, recoveryCodesLeft: 0 });
    const { uri, secret } = await me.account.totpBegin();
    expect(uri).toMatch(/^otpauth:\/\/totp\/Aspen:/);
    const key = keyOf(secret);
    expect(await reason(me.account.totpEnable({ code: "000000" === codeAt(key) ? "111111" : "000000" }))).toBe("totp_code_invalid");
    // Enable with the previous step's code (drift allowed), so the current one is still fresh for the sign-in below.
    const { recoveryCodes } = await me.account.totpEnable({ code: codeAt(key, Date.now() - TOTP_PERIOD * 1000) });
    expect(recoveryCodes).toHaveLength(10);
    expect(await me.account.totpStatus()).toEqual({ enabled: true, recoveryCodesLeft: 10 });
    expect(await reason(me.account.totpBegin())).toBe("totp_enabled");

    const creds = { email: u.email, password: u.password };
    expect(await authenticate(creds, meta())).toEqual({ ok: false, reason: "totp_required" });
    expect(await authenticate({ ...creds, code: "12345" }, meta())).toEqual({ ok: false, reason: "totp_invalid" });
    const now = codeAt(key);
    expect((await authenticate({ ...creds, code: now }, meta())).ok).toBe(true);
    expect(await authenticate({ ...creds, code: now }, meta())).toEqual({ ok: false, reason: "totp_invalid" }); // no replay
    expect((await authenticate({ ...creds, code: recoveryCodes[0]! }, meta())).ok).toBe(true);
    expect(await authenticate({ ...creds, code: recoveryCodes[0]! }, meta())).toEqual({ ok: false, reason: "totp_invalid" });
    expect((await me.account.totpStatus()).recoveryCodesLeft).toBe(9);
    // a wrong password with a right code is still just wrong credentials
    expect(await authenticate({ email: u.email, password: "not-it-at-all-1", code: codeAt(key) }, meta())).toEqual({
      ok: false,
      reason: "invalid_credentials",
    });

    expect(await reason(me.account.totpDisable({ password: "wrong-password-1" }))).toBe("wrong_password");
    expect(await me.account.totpDisable({ password: u.password })).toEqual({ disabled: true });
    expect((await authenticate(creds, meta())).ok).toBe(true);
  });
});
