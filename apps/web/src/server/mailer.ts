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
  to: string;
  tenantName: string;
  inviterName: string;
  role: string;
  inviteUrl: string;
  expiresAt: Date;
}

/**
 * Emails an invitation when SMTP_URL is set and returns true; otherwise (or
 * when sending fails) logs the link at info level so an operator can pass it
 * on, and returns false. The console also shows the link to copy.
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
      logger.error({ err: (err as Error).message, to: mail.to }, "invitation email failed; link logged instead");
    }
  }
  logger.info(
    { to: mail.to, tenant: mail.tenantName, role: mail.role, inviteUrl: mail.inviteUrl, smtp: t ? "failed" : "not configured" },
    "invitation link (not emailed)",
  );
  return false;
}
