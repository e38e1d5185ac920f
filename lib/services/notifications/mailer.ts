import nodemailer, { type Transporter } from 'nodemailer';
import type { Env } from '../../env';

/**
 * Outgoing e-mail over SMTP (nodemailer). One transport per configuration, reused; STARTTLS is used when the server
 * offers it, implicit TLS when SMTP_SECURE=1.
 */
export type MailConfig = Pick<Env, 'SMTP_HOST' | 'SMTP_PORT' | 'SMTP_USER' | 'SMTP_PASS' | 'SMTP_FROM' | 'SMTP_SECURE'>;
export type MailAttachment = { filename: string; content: Buffer; contentType?: string };
export type Mail = { to: string; subject: string; text: string; html?: string; attachments?: MailAttachment[] };

const transports = new Map<string, Transporter>();

function transportFor(cfg: MailConfig): Transporter {
  if (!cfg.SMTP_HOST) throw new Error('SMTP_HOST is not configured');
  const key = JSON.stringify([cfg.SMTP_HOST, cfg.SMTP_PORT, cfg.SMTP_USER, cfg.SMTP_PASS, cfg.SMTP_SECURE]);
  let t = transports.get(key);
  if (!t) {
    t = nodemailer.createTransport({
      host: cfg.SMTP_HOST,
      port: cfg.SMTP_PORT,
      secure: cfg.SMTP_SECURE,
      auth: cfg.SMTP_USER ? { user: cfg.SMTP_USER, pass: cfg.SMTP_PASS ?? '' } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 20_000,
    });
    transports.set(key, t);
  }
  return t;
}

/** Sends one message; resolves with the server's message id, rejects with the SMTP error. */
export async function sendMail(cfg: MailConfig, mail: Mail): Promise<{ messageId: string }> {
  const info = await transportFor(cfg).sendMail({ from: cfg.SMTP_FROM, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, attachments: mail.attachments });
  return { messageId: String(info.messageId ?? '') };
}

/** Closes pooled connections (tests, shutdown). */
export function closeMailers(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}
