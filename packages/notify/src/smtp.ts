import { Readable } from 'node:stream';
import MailComposer from 'nodemailer/lib/mail-composer';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { DeliveryError, type DeliveryReceipt, type EmailSender, type OutgoingEmail } from './delivery';

export interface SmtpOptions {
  host: string;
  port: number;
  /** TLS from the first byte (port 465). Otherwise STARTTLS is used when the server offers it. */
  secure?: boolean;
  auth?: { user: string; pass: string };
  /** The From header, e.g. `"永昌县政务服务中心" <noreply@govhall.local>`. */
  from: string;
  /** The domain of generated Message-IDs (`<notification id>@domain`). */
  messageIdDomain?: string;
  /** Whole-operation limits, in ms: connecting, waiting for the greeting, and any silence on the socket. */
  connectionTimeoutMs?: number;
  greetingTimeoutMs?: number;
  socketTimeoutMs?: number;
  /** The client's EHLO name. */
  name?: string;
}

/** `<id@domain>`, the same for every attempt of one notification, so a receiver can recognise a repeat. */
export function notificationMessageId(notificationId: string, domain = 'govhall.local'): string {
  // Characters outside the dot-atom of RFC 5322 are written `=XX` (hex), so distinct ids stay distinct.
  const local = notificationId.replace(/[^A-Za-z0-9!#$%&'*+\-/?^_`{|}~.]/g, (c) =>
    [...Buffer.from(c, 'utf8')].map((b) => `=${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
  return `<${local}@${domain}>`;
}

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  originalCode?: string;
}

/**
 * Sends e-mail over SMTP (nodemailer's SMTPConnection and MailComposer), one connection per message, UTF-8 subject
 * and body, a Message-ID derived from the notification id, and a classification of every failure:
 *
 * - the server replied with a 4xx/5xx code at any stage: the message was refused, so it was not sent (4xx
 *   retryable, 5xx permanent, except before the envelope where a 5xx is a configuration problem: retryable);
 * - no reply, and the message body had not started to flow: not sent, retryable;
 * - no reply after the message body started to flow: `unknown` — the server may have queued it.
 *
 * Whether the body started is observed on the body stream itself: SMTPConnection reads it only after the server
 * answered DATA with 354.
 */
export class SmtpEmailSender implements EmailSender {
  constructor(private readonly options: SmtpOptions) {}

  async send(email: OutgoingEmail): Promise<DeliveryReceipt> {
    const messageId = notificationMessageId(email.id, this.options.messageIdDomain);
    const raw = await new MailComposer({
      from: this.options.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      messageId,
      headers: { 'X-GovHall-Notification': email.id },
      textEncoding: 'B',
      xMailer: false,
    })
      .compile()
      .build();
    const connection = new SMTPConnection({
      host: this.options.host,
      port: this.options.port,
      secure: this.options.secure ?? false,
      name: this.options.name,
      connectionTimeout: this.options.connectionTimeoutMs ?? 10_000,
      greetingTimeout: this.options.greetingTimeoutMs ?? 10_000,
      socketTimeout: this.options.socketTimeoutMs ?? 60_000,
      allowInternalNetworkInterfaces: true,
    });
    // SMTPConnection reports a failure of the connection (refused, reset, timed out) as an 'error' event, and only
    // sometimes to the pending callback as well: every step below races against it.
    let failed!: (err: unknown) => void;
    const failure = new Promise<never>((_, reject) => (failed = reject));
    failure.catch(() => undefined);
    connection.on('error', (err) => failed(err));
    const step = <T>(run: (done: (err: Error | null, value?: T) => void) => void) =>
      Promise.race([
        new Promise<T>((resolve, reject) => run((err, value) => (err ? reject(err) : resolve(value as T)))),
        failure,
      ]);
    let stage: 'connect' | 'envelope' | 'body' = 'connect';
    try {
      await step<void>((done) => connection.connect((err?: Error | null) => done(err ?? null)));
      if (this.options.auth)
        await step<void>((done) => connection.login(this.options.auth, (err) => done(err ?? null)));
      stage = 'envelope';
      let chunks: Buffer[] | undefined = [raw];
      const body = new Readable({
        read() {
          stage = 'body';
          this.push(chunks?.shift() ?? null);
          if (chunks && chunks.length === 0) chunks = undefined;
        },
      });
      const info = await step<{ response?: string }>((done) =>
        connection.send({ from: envelopeAddress(this.options.from), to: [email.to] }, body, (err, result) =>
          done(err ?? null, result),
        ),
      );
      connection.quit();
      return { response: info.response ?? '', messageId };
    } catch (err) {
      connection.close();
      throw classifySmtpError(err as SmtpError, stage);
    }
  }
}

/** The bare address of a From header (`"名称" <a@b>` → `a@b`). */
function envelopeAddress(from: string): string {
  const m = /<([^>]+)>\s*$/.exec(from);
  return (m ? m[1]! : from).trim();
}

export function classifySmtpError(err: SmtpError, stage: 'connect' | 'envelope' | 'body'): DeliveryError {
  const code = err.responseCode;
  const system = err.originalCode ?? err.code ?? 'ERROR';
  if (typeof code === 'number' && code >= 400) {
    const permanent = code >= 500 && stage !== 'connect';
    return new DeliveryError(
      `SMTP server refused (${err.command ?? stage}): ${code}`,
      permanent ? 'not_sent_permanent' : 'not_sent_retryable',
      `smtp ${code} at ${err.command ?? stage}`,
      { cause: err },
    );
  }
  if (stage === 'body')
    return new DeliveryError(
      `SMTP connection failed while the message was being sent (${system}); it may have been delivered`,
      'unknown',
      `${system} during message`,
      { cause: err },
    );
  return new DeliveryError(
    `SMTP connection failed before the message (${system})`,
    'not_sent_retryable',
    `${system} at ${stage}`,
    { cause: err },
  );
}
