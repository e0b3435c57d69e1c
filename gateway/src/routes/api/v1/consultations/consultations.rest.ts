import type { Static } from '@sinclair/typebox';
import type { complaintsV1 } from '@govhall/proto';
import {
  consultationChannel,
  consultationKind,
  consultationStatus,
  consultationVisibility,
} from './consultations.enums';
import type { Consultation } from './consultations.schemas';

/* 咨询 as the REST API spells it, proto ⇄ JSON. */

const iso = (d: Date | undefined) => (d ?? new Date(0)).toISOString();

export function consultationToRest(c: complaintsV1.Consultation | undefined): Static<typeof Consultation> {
  if (!c) throw new Error('complaints answered without a consultation');
  return {
    id: c.id,
    number: c.number,
    tenant: c.tenant,
    kind: consultationKind.fromProto(c.kind) || 'question',
    channel: consultationChannel.fromProto(c.channel) || 'online',
    itemId: c.itemId,
    itemName: c.itemName,
    itemCode: c.itemCode,
    department: c.department,
    visibility: consultationVisibility.fromProto(c.visibility) || 'private',
    question: c.question,
    askerName: c.askerName,
    loggedBy: c.loggedBy,
    status: consultationStatus.fromProto(c.status) || 'open',
    answer: c.answer
      ? {
          text: c.answer.text,
          answeredBy: c.answer.answeredBy,
          answererName: c.answer.answererName,
          answeredAt: iso(c.answer.answeredAt),
        }
      : null,
    faq: c.faq
      ? { question: c.faq.question, answer: c.faq.answer, curatedBy: c.faq.curatedBy, curatedAt: iso(c.faq.curatedAt) }
      : null,
    askedAt: iso(c.askedAt),
    version: Number(c.version),
  };
}
