import type { Clock } from '@govhall/clock';
import { listMyMessagesUseCase } from './list-my-messages/list-my-messages.usecase';
import { markMessageReadUseCase } from './mark-message-read/mark-message-read.usecase';
import { messageSignalRecipientsUseCase } from './message-signal-recipients/message-signal-recipients.usecase';
import type { EmailOutbox, OfficeMailbox, StaffMessageStore } from './messages.ports';

/** Signals messaged to people and the staff's own messages (ADR 0045), built once from their ports. */
export function createMessageUseCases(deps: {
  messages: StaffMessageStore;
  email: EmailOutbox;
  office: OfficeMailbox;
  clock: Clock;
  queued?: () => void;
}) {
  return {
    messageSignalRecipients: messageSignalRecipientsUseCase(deps),
    listMyMessages: listMyMessagesUseCase(deps),
    markMessageRead: markMessageReadUseCase(deps),
  };
}

export type MessageUseCases = ReturnType<typeof createMessageUseCases>;
