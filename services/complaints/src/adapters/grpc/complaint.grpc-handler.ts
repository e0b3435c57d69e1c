import type { GrpcServer } from '@govhall/grpc';
import { complaintsV1 } from '@govhall/proto';
import type { ComplaintStatus } from '../../domain/complaints/complaint';
import type {
  acceptComplaintUseCase,
  rejectComplaintUseCase,
  replyComplaintUseCase,
} from '../../usecases/complaints/act-on-complaint/act-on-complaint.usecase';
import type {
  getComplaintChannelUseCase,
  setComplaintChannelUseCase,
} from '../../usecases/complaints/complaint-channel/complaint-channel.usecase';
import type { fileComplaintUseCase } from '../../usecases/complaints/file-complaint/file-complaint.usecase';
import type { getComplaintUseCase } from '../../usecases/complaints/get-complaint/get-complaint.usecase';
import type { getAttachmentUseCase } from '../../usecases/complaints/get-attachment/get-attachment.usecase';
import type { uploadAttachmentUseCase } from '../../usecases/complaints/upload-attachment/upload-attachment.usecase';
import type {
  listComplaintsUseCase,
  listMyComplaintsUseCase,
} from '../../usecases/complaints/list-complaints/list-complaints.usecase';
import type { listPublishedOutcomesUseCase } from '../../usecases/complaints/published-outcomes/published-outcomes.usecase';
import type { rateReplyUseCase } from '../../usecases/complaints/rate-reply/rate-reply.usecase';
import type { listRequestStatusesUseCase } from '../../usecases/complaints/request-statuses/request-statuses.usecase';
import type { summarizeComplaintsUseCase } from '../../usecases/complaints/summarize-complaints/summarize-complaints.usecase';
import {
  complaintChannel,
  complaintFinding,
  complaintKind,
  complaintStatus,
  complaintType,
  replySatisfaction,
  requestState,
  targetKind,
  toProtoAttachment,
  toProtoChannel,
  toProtoComplaint,
  toProtoOutcome,
  toProtoRequestStatus,
  toProtoSummary,
} from './complaint.mapper';

export interface ComplaintUseCases {
  fileComplaint: ReturnType<typeof fileComplaintUseCase>;
  uploadAttachment: ReturnType<typeof uploadAttachmentUseCase>;
  getAttachment: ReturnType<typeof getAttachmentUseCase>;
  getComplaint: ReturnType<typeof getComplaintUseCase>;
  listComplaints: ReturnType<typeof listComplaintsUseCase>;
  listMyComplaints: ReturnType<typeof listMyComplaintsUseCase>;
  acceptComplaint: ReturnType<typeof acceptComplaintUseCase>;
  rejectComplaint: ReturnType<typeof rejectComplaintUseCase>;
  replyComplaint: ReturnType<typeof replyComplaintUseCase>;
  rateReply: ReturnType<typeof rateReplyUseCase>;
  listPublishedOutcomes: ReturnType<typeof listPublishedOutcomesUseCase>;
  listRequestStatuses: ReturnType<typeof listRequestStatusesUseCase>;
  getComplaintChannel: ReturnType<typeof getComplaintChannelUseCase>;
  setComplaintChannel: ReturnType<typeof setComplaintChannelUseCase>;
  summarizeComplaints: ReturnType<typeof summarizeComplaintsUseCase>;
  /** Called after a write that queued outbox messages. */
  afterWrite(): void;
}

const orUndefined = <T extends string>(value: T | ''): T | undefined => value || undefined;
const pageOf = (page: { total: number; nextPageToken: string }) => ({
  nextPageToken: page.nextPageToken,
  total: page.total,
});

/** govhall.complaints.v1.ComplaintService: proto ⇄ use case. Filing and the public reads take anonymous callers. */
export function registerComplaintService(server: GrpcServer, uc: ComplaintUseCases): void {
  const written = (c: Parameters<typeof toProtoComplaint>[0]) => {
    uc.afterWrite();
    return { complaint: toProtoComplaint(c) };
  };
  const impl: complaintsV1.ComplaintServiceServer = {
    fileComplaint: server.unary<complaintsV1.FileComplaintRequest, complaintsV1.FileComplaintResponse>(
      'FileComplaint',
      async (req, ctx) =>
        written(
          await uc.fileComplaint(
            {
              tenant: req.tenant,
              type: orUndefined(complaintType.fromProto(req.type)),
              kind: orUndefined(complaintKind.fromProto(req.kind)),
              channel: orUndefined(complaintChannel.fromProto(req.channel)),
              target: { kind: orUndefined(targetKind.fromProto(req.target?.kind ?? 0)), id: req.target?.id ?? '' },
              content: req.content,
              complainant: {
                name: req.complainant?.name ?? '',
                phone: req.complainant?.phone ?? '',
                email: req.complainant?.email ?? '',
              },
              attachmentIds: req.attachmentIds,
              requestId: req.requestId,
            },
            ctx.principal.username || ctx.principal.subject ? ctx.principal : undefined,
          ),
        ),
      { auth: 'optional' },
    ),
    uploadComplaintAttachment: server.unary<
      complaintsV1.UploadComplaintAttachmentRequest,
      complaintsV1.UploadComplaintAttachmentResponse
    >('UploadComplaintAttachment', async (req, ctx) => ({
      attachment: toProtoAttachment(
        await uc.uploadAttachment(
          { tenant: req.tenant, fileName: req.fileName, content: Buffer.from(req.content) },
          ctx.principal,
        ),
      ),
    })),
    getComplaintAttachment: server.unary<
      complaintsV1.GetComplaintAttachmentRequest,
      complaintsV1.GetComplaintAttachmentResponse
    >('GetComplaintAttachment', async (req, ctx) => {
      const { attachment, content } = await uc.getAttachment(req, ctx.principal);
      return { attachment: toProtoAttachment(attachment), content };
    }),
    getComplaint: server.unary<complaintsV1.GetComplaintRequest, complaintsV1.GetComplaintResponse>(
      'GetComplaint',
      async (req, ctx) => ({ complaint: toProtoComplaint(await uc.getComplaint(req, ctx.principal)) }),
    ),
    listComplaints: server.unary<complaintsV1.ListComplaintsRequest, complaintsV1.ListComplaintsResponse>(
      'ListComplaints',
      async (req, ctx) => {
        const page = await uc.listComplaints(
          {
            tenant: req.tenant,
            from: req.from,
            to: req.to,
            statuses: req.statuses.map((s) => complaintStatus.fromProto(s)).filter((s): s is ComplaintStatus => !!s),
            kind: complaintKind.fromProto(req.kind),
            pageSize: req.page?.pageSize ?? 0,
            pageToken: req.page?.pageToken ?? '',
          },
          ctx.principal,
        );
        return { complaints: page.complaints.map(toProtoComplaint), page: pageOf(page) };
      },
    ),
    listMyComplaints: server.unary<complaintsV1.ListMyComplaintsRequest, complaintsV1.ListMyComplaintsResponse>(
      'ListMyComplaints',
      async (req, ctx) => {
        const page = await uc.listMyComplaints(
          { pageSize: req.page?.pageSize ?? 0, pageToken: req.page?.pageToken ?? '' },
          ctx.principal,
        );
        return { complaints: page.complaints.map(toProtoComplaint), page: pageOf(page) };
      },
    ),
    acceptComplaint: server.unary<complaintsV1.AcceptComplaintRequest, complaintsV1.AcceptComplaintResponse>(
      'AcceptComplaint',
      async (req, ctx) =>
        written(await uc.acceptComplaint({ id: req.id, expectedVersion: Number(req.expectedVersion) }, ctx.principal)),
    ),
    rejectComplaint: server.unary<complaintsV1.RejectComplaintRequest, complaintsV1.RejectComplaintResponse>(
      'RejectComplaint',
      async (req, ctx) =>
        written(
          await uc.rejectComplaint(
            { id: req.id, expectedVersion: Number(req.expectedVersion), reason: req.reason },
            ctx.principal,
          ),
        ),
    ),
    replyComplaint: server.unary<complaintsV1.ReplyComplaintRequest, complaintsV1.ReplyComplaintResponse>(
      'ReplyComplaint',
      async (req, ctx) =>
        written(
          await uc.replyComplaint(
            {
              id: req.id,
              expectedVersion: Number(req.expectedVersion),
              finding: orUndefined(complaintFinding.fromProto(req.finding)),
              text: req.text,
            },
            ctx.principal,
          ),
        ),
    ),
    rateReply: server.unary<complaintsV1.RateReplyRequest, complaintsV1.RateReplyResponse>(
      'RateReply',
      async (req, ctx) =>
        written(
          await uc.rateReply(
            { id: req.id, satisfaction: orUndefined(replySatisfaction.fromProto(req.satisfaction)) },
            ctx.principal,
          ),
        ),
    ),
    listPublishedOutcomes: server.unary<
      complaintsV1.ListPublishedOutcomesRequest,
      complaintsV1.ListPublishedOutcomesResponse
    >(
      'ListPublishedOutcomes',
      async (req) => {
        const page = await uc.listPublishedOutcomes({
          tenant: req.tenant,
          pageSize: req.page?.pageSize ?? 0,
          pageToken: req.page?.pageToken ?? '',
        });
        return { outcomes: page.outcomes.map(toProtoOutcome), page: pageOf(page) };
      },
      { auth: 'none' },
    ),
    listRequestStatuses: server.unary<
      complaintsV1.ListRequestStatusesRequest,
      complaintsV1.ListRequestStatusesResponse
    >(
      'ListRequestStatuses',
      async (req) => {
        const page = await uc.listRequestStatuses({
          tenant: req.tenant,
          numbers: req.numbers,
          kind: complaintKind.fromProto(req.kind),
          from: req.from,
          to: req.to,
          state: requestState.fromProto(req.state),
          pageSize: req.page?.pageSize ?? 0,
          pageToken: req.page?.pageToken ?? '',
        });
        return { statuses: page.statuses.map(toProtoRequestStatus), page: pageOf(page) };
      },
      { auth: 'none' },
    ),
    getComplaintChannel: server.unary<
      complaintsV1.GetComplaintChannelRequest,
      complaintsV1.GetComplaintChannelResponse
    >('GetComplaintChannel', async (req) => ({ channel: toProtoChannel(await uc.getComplaintChannel(req.tenant)) }), {
      auth: 'none',
    }),
    setComplaintChannel: server.unary<
      complaintsV1.SetComplaintChannelRequest,
      complaintsV1.SetComplaintChannelResponse
    >('SetComplaintChannel', async (req, ctx) => ({
      channel: toProtoChannel(
        await uc.setComplaintChannel(
          {
            tenant: req.channel?.tenant ?? '',
            unit: req.channel?.unit ?? '',
            phone: req.channel?.phone ?? '',
            address: req.channel?.address ?? '',
            procedure: req.channel?.procedure ?? '',
            expectedVersion: Number(req.expectedVersion),
          },
          ctx.principal,
        ),
      ),
    })),
    summarizeComplaints: server.unary<
      complaintsV1.SummarizeComplaintsRequest,
      complaintsV1.SummarizeComplaintsResponse
    >('SummarizeComplaints', async (req, ctx) => ({
      summary: toProtoSummary(await uc.summarizeComplaints(req, ctx.principal)),
    })),
  };
  server.addService('govhall.complaints.v1.ComplaintService', complaintsV1.ComplaintServiceService, impl);
}
