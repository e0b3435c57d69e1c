import type { DeliveryReceipt, EmailSender, OutgoingSms, SmsProvider } from './delivery';

/** The mailbox domain the local SMS provider writes to: `13912345678@sms.local`. */
export const DEFAULT_SMS_MAILBOX_DOMAIN = 'sms.local';

/**
 * The local SMS provider: each text becomes an e-mail to `<number>@sms.local` on the local mail server, so the same
 * web UI (Mailpit) shows the texts beside the e-mails, searchable by number, and a test reads them through the same
 * HTTP API. It goes over real SMTP, so the dispatcher's retry and crash handling are exercised as with e-mail.
 * The subject is the text itself (an SMS has none), the body the text again with its length.
 */
export class MailboxSmsProvider implements SmsProvider {
  constructor(
    private readonly mail: EmailSender,
    private readonly domain = DEFAULT_SMS_MAILBOX_DOMAIN,
  ) {}

  send(sms: OutgoingSms): Promise<DeliveryReceipt> {
    return this.mail.send({
      id: sms.id,
      to: `${sms.to}@${this.domain}`,
      subject: sms.text,
      text: `${sms.text}\n\n（短信，${[...sms.text].length}字）`,
    });
  }
}
