import type { Principal } from '@govhall/auth';
import type { GrpcServer } from '@govhall/grpc';
import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import { jointReviewV1 } from '@govhall/proto';
import type { Meeting } from '../../domain/meetings/meeting';
import type { cancelMeetingUseCase } from '../../usecases/cancel-meeting/cancel-meeting.usecase';
import type { conveneMeetingUseCase } from '../../usecases/convene-meeting/convene-meeting.usecase';
import type { getMeetingUseCase } from '../../usecases/get-meeting/get-meeting.usecase';
import type { listMeetingsUseCase } from '../../usecases/list-meetings/list-meetings.usecase';
import type { recordMinutesUseCase } from '../../usecases/record-minutes/record-minutes.usecase';
import type { recordOutcomeUseCase } from '../../usecases/record-outcome/record-outcome.usecase';
import type { recordPositionUseCase } from '../../usecases/record-position/record-position.usecase';
import type { rescheduleMeetingUseCase } from '../../usecases/reschedule-meeting/reschedule-meeting.usecase';
import { opinionKind } from './joint-review.mapper';
import { meetingKind, meetingResolution, meetingState, toProtoMeeting } from './meeting.mapper';

export interface MeetingUseCases {
  conveneMeeting: ReturnType<typeof conveneMeetingUseCase>;
  rescheduleMeeting: ReturnType<typeof rescheduleMeetingUseCase>;
  cancelMeeting: ReturnType<typeof cancelMeetingUseCase>;
  recordMinutes: ReturnType<typeof recordMinutesUseCase>;
  recordPosition: ReturnType<typeof recordPositionUseCase>;
  recordOutcome: ReturnType<typeof recordOutcomeUseCase>;
  getMeeting: ReturnType<typeof getMeetingUseCase>;
  listMeetings: ReturnType<typeof listMeetingsUseCase>;
  /** Called after a write that queued outbox messages. */
  afterWrite(): void;
}

/** govhall.joint_review.v1.MeetingService (J10): proto ⇄ use case, every RPC served. */
export function registerMeetingService(server: GrpcServer, uc: MeetingUseCases): void {
  /** A write answering the meeting after the change. */
  const write = <Req>(name: string, run: (req: Req, principal: Principal) => Promise<Meeting>) =>
    server.unary<Req, { meeting: jointReviewV1.Meeting }>(name, async (req, ctx) => {
      const meeting = await run(req, ctx.principal);
      uc.afterWrite();
      return { meeting: toProtoMeeting(meeting) };
    });
  const impl: jointReviewV1.MeetingServiceServer = {
    conveneMeeting: write<jointReviewV1.ConveneMeetingRequest>('ConveneMeeting', (req, p) =>
      uc.conveneMeeting(
        {
          requestId: req.requestId,
          tenant: req.tenant,
          kind: meetingKind.fromProto(req.kind) || undefined,
          subject: req.subject,
          scheduledAt: req.scheduledAt,
          location: req.location,
          agenda: req.agenda.map((a) => ({ title: a.title, reviewId: a.reviewId, note: a.note })),
          departments: req.departments,
          projectId: req.projectId,
        },
        p,
      ),
    ),
    rescheduleMeeting: write<jointReviewV1.RescheduleMeetingRequest>('RescheduleMeeting', (req, p) =>
      uc.rescheduleMeeting(
        {
          id: req.id,
          expectedVersion: Number(req.expectedVersion),
          scheduledAt: req.scheduledAt,
          location: req.location,
          reason: req.reason,
        },
        p,
      ),
    ),
    cancelMeeting: write<jointReviewV1.CancelMeetingRequest>('CancelMeeting', (req, p) =>
      uc.cancelMeeting({ id: req.id, expectedVersion: Number(req.expectedVersion), reason: req.reason }, p),
    ),
    recordMinutes: write<jointReviewV1.RecordMinutesRequest>('RecordMinutes', (req, p) =>
      uc.recordMinutes(
        {
          id: req.id,
          expectedVersion: Number(req.expectedVersion),
          attendance: req.attendance.map((a) => ({ department: a.department, attendees: a.attendees })),
          minutes: req.minutes,
          attachmentIds: req.attachmentIds,
        },
        p,
      ),
    ),
    recordPosition: write<jointReviewV1.RecordPositionRequest>('RecordPosition', (req, p) =>
      uc.recordPosition(
        {
          id: req.id,
          expectedVersion: Number(req.expectedVersion),
          position: {
            agendaItemId: req.position?.agendaItemId ?? '',
            department: req.position?.department ?? '',
            kind: req.position ? opinionKind.fromProto(req.position.kind) || undefined : undefined,
            text: req.position?.text ?? '',
            reasons: req.position?.reasons ?? [],
            conditions: req.position?.conditions ?? [],
          },
        },
        p,
      ),
    ),
    recordOutcome: write<jointReviewV1.RecordOutcomeRequest>('RecordOutcome', (req, p) =>
      uc.recordOutcome(
        {
          id: req.id,
          expectedVersion: Number(req.expectedVersion),
          outcomes: req.outcomes.map((o) => ({
            agendaItemId: o.agendaItemId,
            resolution: meetingResolution.fromProto(o.resolution) || undefined,
            text: o.text,
            conditions: o.conditions,
          })),
        },
        p,
      ),
    ),
    getMeeting: server.unary<jointReviewV1.GetMeetingRequest, jointReviewV1.GetMeetingResponse>(
      'GetMeeting',
      async (req, ctx) => ({ meeting: toProtoMeeting(await uc.getMeeting({ id: req.id }, ctx.principal)) }),
    ),
    listMeetings: server.unary<jointReviewV1.ListMeetingsRequest, jointReviewV1.ListMeetingsResponse>(
      'ListMeetings',
      async (req, ctx) => {
        const state = meetingState.fromProto(req.state);
        const page = await uc.listMeetings(
          {
            tenant: req.tenant,
            department: req.department,
            ...(state ? { state } : {}),
            projectId: req.projectId,
            reviewId: req.reviewId,
            page: { pageSize: req.page?.pageSize ?? 0, pageToken: req.page?.pageToken ?? '' },
          },
          ctx.principal,
        );
        return {
          meetings: page.items.map(toProtoMeeting),
          page: { nextPageToken: page.nextPageToken, total: page.totalSize },
        };
      },
    ),
  };
  server.addService(
    'govhall.joint_review.v1.MeetingService',
    jointReviewV1.MeetingServiceService,
    impl as unknown as UntypedServiceImplementation,
  );
}
