import { z } from '@govhall/config';
import type { EmailSender, SmsProvider } from './delivery';
import { DEFAULT_SMS_MAILBOX_DOMAIN, MailboxSmsProvider } from './sms';
import { SmtpEmailSender } from './smtp';

/**
 * The environment of a service that sends notifications, as a fragment for `loadConfig` of @govhall/config:
 * `loadConfig('applications', { ...serviceShape, ...notifyEnv })`. Defaults are the local mail server of
 * deploy/stack (Mailpit on 127.0.0.1:1025).
 */
export const notifyEnv = {
  SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(1025),
  /** `true`: TLS from the first byte (port 465); otherwise STARTTLS when offered. */
  SMTP_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().min(3).default('"政务服务中心" <noreply@govhall.local>'),
  /** Only `mailbox` for now: texts go to `<number>@SMS_MAILBOX_DOMAIN` on the mail server (MailboxSmsProvider). */
  SMS_PROVIDER: z.enum(['mailbox']).default('mailbox'),
  SMS_MAILBOX_DOMAIN: z.string().min(1).default(DEFAULT_SMS_MAILBOX_DOMAIN),
};

export type NotifyConfig = z.infer<z.ZodObject<typeof notifyEnv>>;

/** The e-mail sender and SMS provider the config describes. */
export function channelsFromConfig(config: NotifyConfig): { email: EmailSender; sms: SmsProvider } {
  const email = new SmtpEmailSender({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? '' } : undefined,
    from: config.SMTP_FROM,
  });
  return { email, sms: new MailboxSmsProvider(email, config.SMS_MAILBOX_DOMAIN) };
}
