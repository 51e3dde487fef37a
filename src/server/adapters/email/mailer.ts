// E-mail through SMTP, only when the deployment configures it (issue 3 item 9: "email through SMTP
// only if configured; the app runs without it"). TUSOI_SMTP_URL (smtp://user:pass@host:587, or
// smtps://… for TLS from the start) and TUSOI_SMTP_FROM. Without them nothing is sent and nothing fails.
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Rejects when the message could not be handed to the server; the caller logs and goes on. */
  send(message: MailMessage): Promise<void>;
}

export interface SmtpConfig {
  url: string;
  from: string;
}

let warnedBadUrl = false;

/** The SMTP settings of the environment, or null when e-mail is not configured (or misconfigured). */
export function smtpConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SmtpConfig | null {
  const url = env.TUSOI_SMTP_URL?.trim();
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    parsed = new URL('invalid:');
  }
  if (!/^smtps?:$/.test(parsed.protocol) || !parsed.hostname) {
    if (!warnedBadUrl) {
      // Logged without the URL: it may hold the SMTP password.
      console.warn('[tusoi] TUSOI_SMTP_URL không hợp lệ (cần smtp://… hoặc smtps://…): không gửi thư điện tử.');
      warnedBadUrl = true;
    }
    return null;
  }
  const from = env.TUSOI_SMTP_FROM?.trim() || `Tự soi <no-reply@${parsed.hostname}>`;
  return { url, from };
}

/** A mailer over any nodemailer transport (SMTP in production; tests may use a JSON transport). */
export function mailerFromTransport(transport: Transporter, from: string): Mailer {
  return {
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
    },
  };
}

export function smtpMailer(config: SmtpConfig): Mailer {
  // Short timeouts: an unreachable server must not hold the reminder run for minutes.
  const options: SMTPTransport.Options = { url: config.url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
  const transport = nodemailer.createTransport(options);
  return mailerFromTransport(transport, config.from);
}

/** The configured mailer, or null when the deployment has no SMTP server. */
export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer | null {
  const config = smtpConfigFromEnv(env);
  return config ? smtpMailer(config) : null;
}
