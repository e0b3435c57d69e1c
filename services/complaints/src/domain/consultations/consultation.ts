import { PreconditionError, ValidationError, type Violation } from '@govhall/errors';
import { maskName } from '@govhall/identifiers';
import { maskedText } from '../complaints/complaint';
import { textOf } from '../texts';

/* 咨询 (C17-C21, ADR 0068): pure rules, no I/O. */

export type ConsultationKind = 'question' | 'mailbox';
export type ConsultationChannel = 'online' | 'phone' | 'visit' | 'hotline';
export type ConsultationVisibility = 'public' | 'private';
export type ConsultationStatus = 'open' | 'answered';

/** Channels staff log, answering at once (首问负责, C17; the hotline, C20). */
export const LOGGED_CHANNELS: readonly ConsultationChannel[] = ['phone', 'visit', 'hotline'];

export interface ConsultationAnswer {
  text: string;
  answeredBy: string;
  answererName: string;
  answeredAt: Date;
}

export interface CuratedFaq {
  question: string;
  answer: string;
  curatedBy: string;
  curatedAt: Date;
}

export interface Consultation {
  id: string;
  number: string;
  tenant: string;
  kind: ConsultationKind;
  channel: ConsultationChannel;
  itemId: string;
  itemName: string;
  /** The item's 基本编码: its FAQ and room outlive its editions. */
  itemCode: string;
  /** The department that answers (the item's); '' for the mailbox: the center answers. */
  department: string;
  visibility: ConsultationVisibility;
  question: string;
  asker: { subject: string; name: string };
  /** 首问责任人 of a logged consultation. */
  loggedBy: string;
  status: ConsultationStatus;
  answer?: ConsultationAnswer;
  faq?: CuratedFaq;
  askedAt: Date;
  requestId: string;
  version: number;
}

export type ConsultationEventType = 'ConsultationAsked' | 'ConsultationAnswered' | 'ConsultationCurated';
export interface ConsultationEvent {
  type: ConsultationEventType;
  consultation: Consultation;
  at: Date;
}

/** What an asker (or the member of staff logging a consultation) sends. */
export interface AskingInput {
  kind: ConsultationKind | undefined;
  channel: ConsultationChannel | undefined;
  itemId: string;
  visibility: ConsultationVisibility | undefined;
  question: string;
  askerName: string;
  /** A logged consultation's answer, given at once. */
  answer: string;
}

export type CheckedAsking = Omit<AskingInput, 'kind' | 'channel' | 'visibility'> & {
  kind: ConsultationKind;
  channel: ConsultationChannel;
  visibility: ConsultationVisibility;
};

/**
 * The asking's shape: a kind and channel; a question names its item, a letter to the mailbox none; 10-1000
 * characters of question; a logged consultation carries its answer (2-2000) and may name the asker (up to 50); an
 * online one carries no answer. The mailbox is private; a question is private unless asked in public; a logged one
 * private unless said public.
 */
export function checkAsking(input: AskingInput): CheckedAsking {
  const v: Violation[] = [];
  if (!input.kind) v.push({ path: 'kind', reason: 'REQUIRED', message: '请选择咨询类型' });
  if (!input.channel) v.push({ path: 'channel', reason: 'REQUIRED', message: '请选择咨询渠道' });
  const itemId = (input.itemId ?? '').trim();
  if (input.kind === 'question' && !itemId) {
    v.push({ path: 'itemId', reason: 'REQUIRED', message: '请选择所咨询的事项' });
  }
  if (input.kind === 'mailbox' && itemId) {
    v.push({ path: 'itemId', reason: 'NOT_ALLOWED', message: '领导信箱不针对具体事项' });
  }
  if (input.kind === 'mailbox' && input.visibility === 'public') {
    v.push({ path: 'visibility', reason: 'NOT_ALLOWED', message: '领导信箱的来信不公开' });
  }
  const question = textOf('question', '咨询内容', input.question, 10, 1000, v);
  const logged = input.channel !== undefined && LOGGED_CHANNELS.includes(input.channel);
  let answer = '';
  let askerName = '';
  if (logged) {
    answer = textOf('answer', '答复内容', input.answer, 2, 2000, v);
    askerName = input.askerName ? textOf('askerName', '咨询人姓名', input.askerName, 1, 50, v) : '';
  } else if (input.answer) {
    v.push({ path: 'answer', reason: 'NOT_ALLOWED', message: '网上咨询由受理部门答复' });
  }
  if (v.length > 0) throw new ValidationError(v);
  return {
    kind: input.kind!,
    channel: input.channel!,
    itemId,
    visibility: input.kind === 'mailbox' ? 'private' : (input.visibility ?? 'private'),
    question,
    askerName,
    answer,
  };
}

/** ZX<region><YYYYMMDD><5-digit sequence of the tenant's day>. */
export function consultationNumber(tenant: string, chinaDay: string, sequence: number): string {
  return `ZX${tenant}${chinaDay.replaceAll('-', '')}${String(sequence).padStart(5, '0')}`;
}

/**
 * A consultation asked online (open, for the department or the center to answer) or logged by staff (answered at
 * once by who logged it).
 */
export function askConsultation(
  input: CheckedAsking,
  ctx: {
    id: string;
    number: string;
    tenant: string;
    item: { id: string; code: string; name: string; department: string } | null;
    asker: { subject: string; name: string };
    staff: { username: string; name: string } | null;
    requestId: string;
    now: Date;
  },
): { consultation: Consultation; events: ConsultationEvent[] } {
  const logged = LOGGED_CHANNELS.includes(input.channel);
  const base: Consultation = {
    id: ctx.id,
    number: ctx.number,
    tenant: ctx.tenant,
    kind: input.kind,
    channel: input.channel,
    itemId: ctx.item?.id ?? '',
    itemName: ctx.item?.name ?? '',
    itemCode: ctx.item?.code ?? '',
    department: ctx.item?.department ?? '',
    visibility: input.visibility,
    question: input.question,
    asker: logged ? { subject: '', name: input.askerName } : ctx.asker,
    loggedBy: logged ? (ctx.staff?.username ?? '') : '',
    status: logged ? 'answered' : 'open',
    ...(logged
      ? {
          answer: {
            text: input.answer,
            answeredBy: ctx.staff?.username ?? '',
            answererName: ctx.staff?.name ?? '',
            answeredAt: ctx.now,
          },
        }
      : {}),
    askedAt: ctx.now,
    requestId: ctx.requestId,
    version: 1,
  };
  const events: ConsultationEvent[] = [{ type: 'ConsultationAsked', consultation: base, at: ctx.now }];
  if (logged) events.push({ type: 'ConsultationAnswered', consultation: base, at: ctx.now });
  return { consultation: base, events };
}

function changed(c: Consultation, type: ConsultationEventType, patch: Partial<Consultation>, now: Date) {
  const consultation = { ...c, ...patch, version: c.version + 1 };
  return { consultation, events: [{ type, consultation, at: now }] };
}

/** The answer, once (C18's offline reply). */
export function answerConsultation(c: Consultation, text: string, by: { username: string; name: string }, now: Date) {
  const v: Violation[] = [];
  const answer = textOf('text', '答复内容', text, 2, 2000, v);
  if (v.length > 0) throw new ValidationError(v);
  if (c.status !== 'open') throw new PreconditionError('ALREADY_ANSWERED', '该咨询已经答复');
  return changed(
    c,
    'ConsultationAnswered',
    { status: 'answered', answer: { text: answer, answeredBy: by.username, answererName: by.name, answeredAt: now } },
    now,
  );
}

/**
 * An answered public question curated into its item's FAQ (C19), as the curator words it (personal data masked);
 * curating again rewords it.
 */
export function curateConsultation(c: Consultation, question: string, answer: string, by: string, now: Date) {
  const v: Violation[] = [];
  const q = textOf('question', '常见问题', question, 5, 200, v);
  const a = textOf('answer', '解答', answer, 2, 2000, v);
  if (v.length > 0) throw new ValidationError(v);
  if (c.kind !== 'question') throw new PreconditionError('NOT_A_QUESTION', '只有事项咨询可以整理为常见问题');
  if (c.status !== 'answered') throw new PreconditionError('NOT_ANSWERED', '答复后才能整理为常见问题');
  if (c.visibility !== 'public') throw new PreconditionError('NOT_PUBLIC', '单独答疑的咨询不能公开为常见问题');
  return changed(
    c,
    'ConsultationCurated',
    { faq: { question: maskedText(q), answer: maskedText(a), curatedBy: by, curatedAt: now } },
    now,
  );
}

/** The consultation as readers other than its asker and its answering staff see it: the asker's name masked. */
export function maskedForReaders(c: Consultation): Consultation {
  return {
    ...c,
    question: maskedText(c.question),
    asker: { subject: '', name: c.asker.name ? maskName(c.asker.name) : '' },
  };
}

/** The consultation as its events carry it: no asker, the question and answer masked. */
export function forEvents(c: Consultation): Consultation {
  return {
    ...c,
    question: maskedText(c.question),
    asker: { subject: '', name: '' },
    ...(c.answer ? { answer: { ...c.answer, text: maskedText(c.answer.text) } } : {}),
  };
}
