import type { GrpcServer } from '@govhall/grpc';
import { complaintsV1 } from '@govhall/proto';
import type { answerConsultationUseCase } from '../../usecases/consultations/answer-consultation/answer-consultation.usecase';
import type { askConsultationUseCase } from '../../usecases/consultations/ask-consultation/ask-consultation.usecase';
import type { curateConsultationUseCase } from '../../usecases/consultations/curate-consultation/curate-consultation.usecase';
import type {
  getConsultationUseCase,
  listConsultationQueueUseCase,
  listItemFaqsUseCase,
  listMyConsultationsUseCase,
  listPublicConsultationsUseCase,
} from '../../usecases/consultations/read-consultations/read-consultations.usecase';
import {
  consultationChannel,
  consultationKind,
  consultationStatus,
  consultationVisibility,
  toProtoConsultation,
} from './consultation.mapper';

export interface ConsultationUseCases {
  askConsultation: ReturnType<typeof askConsultationUseCase>;
  getConsultation: ReturnType<typeof getConsultationUseCase>;
  listPublicConsultations: ReturnType<typeof listPublicConsultationsUseCase>;
  listMyConsultations: ReturnType<typeof listMyConsultationsUseCase>;
  listConsultationQueue: ReturnType<typeof listConsultationQueueUseCase>;
  answerConsultation: ReturnType<typeof answerConsultationUseCase>;
  curateConsultation: ReturnType<typeof curateConsultationUseCase>;
  listItemFaqs: ReturnType<typeof listItemFaqsUseCase>;
  /** Called after a write that queued outbox messages. */
  afterWrite(): void;
}

const orUndefined = <T extends string>(value: T | ''): T | undefined => value || undefined;
const pageRequest = (page: { pageSize: number; pageToken: string } | undefined) => ({
  pageSize: page?.pageSize ?? 0,
  pageToken: page?.pageToken ?? '',
});
const pageAnswer = (p: {
  consultations: Parameters<typeof toProtoConsultation>[0][];
  total: number;
  nextPageToken: string;
}) => ({
  consultations: p.consultations.map(toProtoConsultation),
  page: { nextPageToken: p.nextPageToken, total: p.total },
});

/** govhall.complaints.v1.ConsultationService: proto ⇄ use case. ListItemFaqs takes anonymous callers. */
export function registerConsultationService(server: GrpcServer, uc: ConsultationUseCases): void {
  const written = (c: Parameters<typeof toProtoConsultation>[0]) => {
    uc.afterWrite();
    return { consultation: toProtoConsultation(c) };
  };
  const impl: complaintsV1.ConsultationServiceServer = {
    askConsultation: server.unary<complaintsV1.AskConsultationRequest, complaintsV1.AskConsultationResponse>(
      'AskConsultation',
      async (req, ctx) =>
        written(
          await uc.askConsultation(
            {
              tenant: req.tenant,
              kind: orUndefined(consultationKind.fromProto(req.kind)),
              channel: orUndefined(consultationChannel.fromProto(req.channel)),
              itemId: req.itemId,
              visibility: orUndefined(consultationVisibility.fromProto(req.visibility)),
              question: req.question,
              askerName: req.askerName,
              answer: req.answer,
              requestId: req.requestId,
            },
            ctx.principal,
          ),
        ),
    ),
    getConsultation: server.unary<complaintsV1.GetConsultationRequest, complaintsV1.GetConsultationResponse>(
      'GetConsultation',
      async (req, ctx) => ({ consultation: toProtoConsultation(await uc.getConsultation(req.id, ctx.principal)) }),
    ),
    listPublicConsultations: server.unary<
      complaintsV1.ListPublicConsultationsRequest,
      complaintsV1.ListPublicConsultationsResponse
    >('ListPublicConsultations', async (req, ctx) =>
      pageAnswer(
        await uc.listPublicConsultations(
          { tenant: req.tenant, itemCode: req.itemCode, ...pageRequest(req.page) },
          ctx.principal,
        ),
      ),
    ),
    listMyConsultations: server.unary<
      complaintsV1.ListMyConsultationsRequest,
      complaintsV1.ListMyConsultationsResponse
    >('ListMyConsultations', async (req, ctx) =>
      pageAnswer(await uc.listMyConsultations(pageRequest(req.page), ctx.principal)),
    ),
    listConsultationQueue: server.unary<
      complaintsV1.ListConsultationQueueRequest,
      complaintsV1.ListConsultationQueueResponse
    >('ListConsultationQueue', async (req, ctx) =>
      pageAnswer(
        await uc.listConsultationQueue(
          { tenant: req.tenant, status: consultationStatus.fromProto(req.status), ...pageRequest(req.page) },
          ctx.principal,
        ),
      ),
    ),
    answerConsultation: server.unary<complaintsV1.AnswerConsultationRequest, complaintsV1.AnswerConsultationResponse>(
      'AnswerConsultation',
      async (req, ctx) =>
        written(
          await uc.answerConsultation(
            { id: req.id, text: req.text, expectedVersion: Number(req.expectedVersion) },
            ctx.principal,
          ),
        ),
    ),
    curateConsultation: server.unary<complaintsV1.CurateConsultationRequest, complaintsV1.CurateConsultationResponse>(
      'CurateConsultation',
      async (req, ctx) =>
        written(
          await uc.curateConsultation(
            { id: req.id, question: req.question, answer: req.answer, expectedVersion: Number(req.expectedVersion) },
            ctx.principal,
          ),
        ),
    ),
    listItemFaqs: server.unary<complaintsV1.ListItemFaqsRequest, complaintsV1.ListItemFaqsResponse>(
      'ListItemFaqs',
      async (req) => ({ faqs: await uc.listItemFaqs({ tenant: req.tenant, itemCode: req.itemCode }) }),
      { auth: 'none' },
    ),
  };
  server.addService('govhall.complaints.v1.ConsultationService', complaintsV1.ConsultationServiceService, impl);
}
