import { officeEmailFor, staffMessagesFor, type RaisedSignal } from '../../../domain/messages/signal-messages';
import type { EmailOutbox, OfficeMailbox, StaffMessageStore } from '../messages.ports';

/**
 * A raised signal told to people (S16): a site message to each recipient the signal recorded, and, at or above the
 * configured level, an e-mail to the supervision office's mailbox through @govhall/notify (identity publishes no
 * staff e-mail addresses: ADR 0045). Idempotent: message and e-mail ids derive from the signal, so a redelivered
 * SignalRaised stores and sends nothing new.
 */
export function messageSignalRecipientsUseCase(deps: {
  messages: StaffMessageStore;
  email: EmailOutbox;
  office: OfficeMailbox;
  /** Wakes the e-mail dispatcher after an e-mail was queued. */
  queued?: () => void;
}) {
  return async (signal: RaisedSignal): Promise<{ messages: number; emails: number }> => {
    const messages = await deps.messages.insertNew(staffMessagesFor(signal));
    const email = officeEmailFor(signal, deps.office);
    const emailed = email ? await deps.email.enqueue({ ...email, channel: 'email' }) : false;
    if (emailed) deps.queued?.();
    return { messages, emails: emailed ? 1 : 0 };
  };
}
