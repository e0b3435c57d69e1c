import type { OfficeEmail, StaffMessage } from '../../domain/messages/signal-messages';
import type { SignalLevel } from '../../domain/signals/signal-level';

export interface StoredStaffMessage extends StaffMessage {
  readAt?: Date;
}

/** Staff site messages (站内消息) of supervision (ADR 0045). */
export interface StaffMessageStore {
  /** Stores the messages whose id is new; answers how many were new (a redelivery stores none). */
  insertNew(messages: StaffMessage[]): Promise<number>;
  /** A member of staff's messages, newest first (unread only when asked). */
  listFor(username: string, unreadOnly: boolean, offset: number, limit: number): Promise<StoredStaffMessage[]>;
  /** How many of them there are (the unread ones when asked): the inbox's badge. */
  countFor(username: string, unreadOnly: boolean): Promise<number>;
  get(id: string): Promise<StoredStaffMessage | null>;
  markRead(id: string, at: Date): Promise<void>;
}

/** @govhall/notify's ledger: an e-mail enqueued once per id (false when it was there already). */
export interface EmailOutbox {
  enqueue(email: OfficeEmail & { channel: 'email' }): Promise<boolean>;
}

/** The supervision office's mailbox (派驻监察室, S16) and the lowest level it is mailed; empty: no e-mail. */
export interface OfficeMailbox {
  to: string;
  minLevel: SignalLevel;
}
