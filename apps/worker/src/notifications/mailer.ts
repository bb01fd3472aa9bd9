import nodemailer, { type Transporter } from "nodemailer";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail through SMTP_URL; without it, `send` is undefined and notifications stay in the console. */
export function createMailer(url: string | undefined, from: string) {
  if (!url) return undefined;
  const t: Transporter = nodemailer.createTransport(url);
  return {
    send: (m: Mail) => t.sendMail({ from, to: m.to, subject: m.subject, text: m.text }),
    close: () => t.close(),
  };
}
export type Mailer = NonNullable<ReturnType<typeof createMailer>>;
