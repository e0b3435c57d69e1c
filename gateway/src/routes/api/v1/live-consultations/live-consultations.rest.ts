import type { Static } from '@sinclair/typebox';
import { complaintsV1, enumCodec, enumSpelling } from '@govhall/proto';
import type { LiveSession } from './live-consultations.schemas';

/* 在线咨询 as the REST API spells it, proto ⇄ JSON. */

const status = enumCodec<'waiting' | 'active' | 'closed', complaintsV1.LiveSessionStatus>(
  enumSpelling(complaintsV1.LiveSessionStatus as never, 'LIVE_SESSION_STATUS_'),
);
const speaker = enumCodec<'asker' | 'staff', complaintsV1.LiveSpeaker>(
  enumSpelling(complaintsV1.LiveSpeaker as never, 'LIVE_SPEAKER_'),
);
const iso = (d: Date | undefined) => (d ? d.toISOString() : null);

export function liveSessionToRest(s: complaintsV1.LiveSession | undefined): Static<typeof LiveSession> {
  if (!s) throw new Error('complaints answered without a live session');
  return {
    id: s.id,
    number: s.number,
    tenant: s.tenant,
    itemId: s.itemId,
    itemCode: s.itemCode,
    itemName: s.itemName,
    department: s.department,
    bookedFor: iso(s.bookedFor),
    status: status.fromProto(s.status) || 'waiting',
    staffUsername: s.staffUsername,
    staffName: s.staffName,
    messages: s.messages.map((m) => ({
      seq: m.seq,
      from: speaker.fromProto(m.from) || 'asker',
      authorName: m.authorName,
      text: m.text,
      at: iso(m.at) ?? new Date(0).toISOString(),
    })),
    messageCount: s.messageCount,
    openedAt: iso(s.openedAt) ?? new Date(0).toISOString(),
    acceptedAt: iso(s.acceptedAt),
    closedAt: iso(s.closedAt),
    closedBy: s.closedBy,
    version: Number(s.version),
    mine: s.mine,
  };
}
