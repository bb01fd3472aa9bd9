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
      logger.error({ err: (err as Error).message, invitationId: mail.invitationId }, "invitation email failed; the console shows the link to copy");
    }
  }
  logger.info({ invitationId: mail.invitationId, role: mail.role, smtp: t ? "failed" : "not configured" }, "invitation not emailed");
  return false;
}
