import nodemailer, { type Transporter } from 'nodemailer';
import { config } from './config';
import { logger } from './logger';

/**
 * Outgoing mail through SMTP (`SMTP_URL`, nodemailer). Called from outbox handlers only, never from
 * a request: a slow or absent mail server then delays a mail, not a sale (docs/receipts.md).
 *
 * Without `SMTP_URL` a mail is not dropped: its recipient and subject are logged at `warn` (where it
 * would have gone) and it counts as sent `via: 'log'`, so the demo and development show every mail.
 */
export type Mail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** The sender's display name (the business); the address is always MAIL_FROM's. */
  fromName: string;
  /** A stable Message-ID, so a receiving server can tell a resend of the same mail. */
  messageId: string;
};

export type SentMail = { via: 'smtp' | 'log'; messageId: string };

let transport: { url: string; transporter: Transporter } | undefined;

function transporterFor(url: string): Transporter {
  if (transport?.url !== url) {
    transport?.transporter.close();
    const timeout = config().SMTP_TIMEOUT_MS;
    transport = { url, transporter: nodemailer.createTransport({ url, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout }) };
  }
  return transport.transporter;
}

export async function sendMail(mail: Mail): Promise<SentMail> {
  const { SMTP_URL, MAIL_FROM } = config();
  if (!SMTP_URL) {
    logger.warn({ to: mail.to, subject: mail.subject, messageId: mail.messageId }, 'mail not sent: SMTP_URL is not set, so it goes to this log');
    return { via: 'log', messageId: mail.messageId };
  }
  const info = await transporterFor(SMTP_URL).sendMail({
    from: { name: mail.fromName, address: MAIL_FROM },
    to: mail.to,
    subject: mail.subject,
    html: mail.html,
    text: mail.text,
    messageId: mail.messageId,
  });
  logger.info({ to: mail.to, subject: mail.subject, messageId: info.messageId }, 'mail sent');
  return { via: 'smtp', messageId: info.messageId };
}

/** Closes the pooled SMTP connection (tests, shutdown). */
export function closeMailer(): void {
  transport?.transporter.close();
  transport = undefined;
}
