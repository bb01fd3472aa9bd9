import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "../env";
import { logger } from "./logger";

let transport: Transporter | undefined;

function mailer(): Transporter | undefined {
  const url = getEnv().SMTP_URL;
  if (!url) return undefined;
  transport ??= nodemailer.createTransport(url);
  return transport;
}

export interface InvitationMail {
  /** The invitation's public id (`inv_…`): what the log names, never the link. */
  invitationId: string;
  to: string;
  tenantName: string;
  inviterName: string;
  role: string;
  inviteUrl: string;
  expiresAt: Date;
}

/**
 * Emails an invitation when SMTP_URL is set and returns true; otherwise (or
 * when sending fails) returns false and the inviter copies the link the
 * console shows. The link is a bearer token: logs name the invitation id only.
 */
export async function sendInvitationMail(mail: InvitationMail): Promise<boolean> {
  const t = mailer();
  if (t) {
    try {
      await t.sendMail({
        from: getEnv().SMTP_FROM,
        to: mail.to,
        subject: `${mail.inviterName} invited you to ${mail.tenantName} on Aspen`,
        text: [
          `${mail.inviterName} invited you to join ${mail.tenantName} on Aspen as ${mail.role}.`,
          "",
          `Accept the invitation: ${mail.inviteUrl}`,
          "",
          `The link works once and expires on ${mail.expiresAt.toUTCString()}.`,
          "If you did not expect this email, ignore it.",
        ].join("\n"),
      });
      return true;
    } catch (err) {
      logger.error(
        { err: (err as Error).message, invitationId: mail.invitationId },
        "invitation email failed; the console shows the link to copy",
      );
    }
  }
  logger.info({ invitationId: mail.invitationId, role: mail.role, smtp: t ? "failed" : "not configured" }, "invitation not emailed");
  return false;
}

export interface PasswordResetMail {
  /** The reset's id: what the log names, never the link. */
  resetId: string;
  to: string;
  resetUrl: string;
  expiresAt: Date;
}

/**
 * Emails a password-reset link when SMTP_URL is set and returns true. Without SMTP nobody can
 * receive it: the log says so by id (the link is a bearer token and is never logged).
 */
export async function sendPasswordResetMail(mail: PasswordResetMail): Promise<boolean> {
  const t = mailer();
  if (t) {
    try {
      await t.sendMail({
        from: getEnv().SMTP_FROM,
        to: mail.to,
        subject: "Reset your Aspen password",
        text: [
          "Someone (hopefully you) asked to reset the password of your Aspen account.",
          "",
          `Choose a new password: ${mail.resetUrl}`,
          "",
          `The link works once and expires on ${mail.expiresAt.toUTCString()}. Resetting signs you out everywhere.`,
          "If you did not ask for this, ignore this email: your password stays as it is.",
        ].join("\n"),
      });
      return true;
    } catch (err) {
      logger.error({ err: (err as Error).message, resetId: mail.resetId }, "password reset email failed");
      return false;
    }
  }
  logger.warn({ resetId: mail.resetId }, "password reset requested but SMTP_URL is not set: no email sent");
  return false;
}

export interface VerificationMail {
  verificationId: string;
  to: string;
  verifyUrl: string;
  expiresAt: Date;
}

/** Emails an address-verification link (SMTP_URL set) and returns true; never logs the link. */
export async function sendVerificationMail(mail: VerificationMail): Promise<boolean> {
  const t = mailer();
  if (!t) return false;
  try {
    await t.sendMail({
      from: getEnv().SMTP_FROM,
      to: mail.to,
      subject: "Confirm your email address for Aspen",
      text: [
        "Confirm that this address belongs to your Aspen account:",
        "",
        mail.verifyUrl,
        "",
        `The link works once and expires on ${mail.expiresAt.toUTCString()}. Invitations can be accepted only from confirmed addresses.`,
        "If you did not sign up, ignore this email.",
      ].join("\n"),
    });
    return true;
  } catch (err) {
    logger.error({ err: (err as Error).message, verificationId: mail.verificationId }, "verification email failed");
    return false;
  }
}

/** Whether outgoing mail is configured (email verification is required only then: without mail nobody could verify). */
export function mailConfigured(): boolean {
  return !!getEnv().SMTP_URL;
}
