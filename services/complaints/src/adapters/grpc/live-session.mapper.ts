import type { Principal } from '@govhall/auth';
import { complaintsV1, enumCodec, enumSpelling } from '@govhall/proto';
import type { LiveSession, LiveSessionStatus, LiveSpeaker } from '../../domain/consultations/live-session';

export const liveSessionStatus = enumCodec<LiveSessionStatus, complaintsV1.LiveSessionStatus>(
  enumSpelling(complaintsV1.LiveSessionStatus, 'LIVE_SESSION_STATUS_'),
);
const liveSpeaker = enumCodec<LiveSpeaker, complaintsV1.LiveSpeaker>(
  enumSpelling(complaintsV1.LiveSpeaker, 'LIVE_SPEAKER_'),
);

/**
 * A session for `actor`: `messages` all of them (a read), those after a seq (a watch's change) or the first only
 * (the lists); message_count says how many the session holds. The asker's subject never leaves the service; `mine` tells the asker.
 */
export function toProtoLiveSession(
  s: LiveSession,
  actor: Principal | undefined,
  messages: 'all' | 'first' | { after: number } = 'all',
): complaintsV1.LiveSession {
  const shown =
    messages === 'all'
      ? s.messages
      : messages === 'first'
        ? s.messages.slice(0, 1)
        : s.messages.filter((m) => m.seq > messages.after);
  return {
    id: s.id,
    number: s.number,
    tenant: s.tenant,
    itemId: s.itemId,
    itemCode: s.itemCode,
    itemName: s.itemName,
    department: s.department,
    bookedFor: s.bookedFor,
    status: liveSessionStatus.toProto(s.status),
    staffUsername: s.staff?.username ?? '',
    staffName: s.staff?.name ?? '',
    messages: shown.map((m) => ({
      seq: m.seq,
      from: liveSpeaker.toProto(m.from),
      authorName: m.authorName,
      text: m.text,
      at: m.at,
    })),
    messageCount: s.messages.length,
    openedAt: s.openedAt,
    acceptedAt: s.acceptedAt,
    closedAt: s.closedAt,
    closedBy: s.closedBy,
    version: s.version,
    mine: actor?.kind === 'user' && actor.subject === s.asker.subject,
  };
}
