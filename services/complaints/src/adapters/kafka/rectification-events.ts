import { complaintsV1 } from '@govhall/proto';
import type { RectificationEvent } from '../../domain/rectifications/rectification';
import { toProtoRectification } from '../grpc/rectification.mapper';
import { aggregateOutbox } from './aggregate-outbox';

/** Topic of the rectifications (差评整改); key = the rectification's id. Listed in deploy/kafka/topics.txt. */
export const RECTIFICATION_TOPIC = 'govhall.complaints.rectification';

/** Rectification events as outbox messages in the shared envelope (the sweep's are the service's own acts). */
export const rectificationOutbox = aggregateOutbox({
  topic: RECTIFICATION_TOPIC,
  codecs: {
    RectificationOpened: complaintsV1.RectificationOpened,
    RectificationAssigned: complaintsV1.RectificationAssigned,
    CallBackRecorded: complaintsV1.CallBackRecorded,
    RectificationConcluded: complaintsV1.RectificationConcluded,
    AppealDecided: complaintsV1.AppealDecided,
    RectificationOverdue: complaintsV1.RectificationOverdue,
  },
  aggregateOf: (e: RectificationEvent) => e.rectification,
  payloadOf: (r): complaintsV1.RectificationOpened => ({ rectification: toProtoRectification(r) }),
});
