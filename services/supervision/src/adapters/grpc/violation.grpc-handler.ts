import type { GrpcServer } from '@govhall/grpc';
import { supervisionV1 } from '@govhall/proto';
import type { ViolationUseCases } from '../../usecases/violations/violation.use-cases';
import { accountabilityState, accountabilityTarget, sanction, toProtoAccountability } from './accountability.mapper';
import { filterEnum } from './enum-codec';
import { toProtoInspection } from './inspection.mapper';
import { toProtoViolation, violationKind, violationState } from './violation.mapper';

type Impl = supervisionV1.ViolationServiceServer;

/** govhall.supervision.v1.ViolationService: proto ⇄ use case. */
export function registerViolationService(server: GrpcServer, uc: ViolationUseCases): void {
  const impl: Impl = {
    listViolations: server.unary<supervisionV1.ListViolationsRequest, supervisionV1.ListViolationsResponse>(
      'ListViolations',
      async (req, ctx) => {
        const page = await uc.listViolations(
          {
            tenant: req.tenant,
            includeSubordinates: req.includeSubordinates,
            kind: filterEnum(req.kind, violationKind.fromProto, 'kind'),
            state: filterEnum(req.state, violationState.fromProto, 'state'),
            matterId: req.matterId,
            department: req.department,
            windowId: req.windowId,
            person: req.person,
            fromDate: req.fromDate,
            toDate: req.toDate,
            pageSize: req.page?.pageSize,
            pageToken: req.page?.pageToken,
          },
          ctx.principal,
        );
        return {
          violations: page.violations.map(toProtoViolation),
          page: { nextPageToken: page.nextPageToken, total: 0 },
        };
      },
    ),
    getViolation: server.unary<supervisionV1.GetViolationRequest, supervisionV1.GetViolationResponse>(
      'GetViolation',
      async (req, ctx) => ({ violation: toProtoViolation(await uc.getViolation(req.id, ctx.principal)) }),
    ),
    dismissViolation: server.unary<supervisionV1.DismissViolationRequest, supervisionV1.DismissViolationResponse>(
      'DismissViolation',
      async (req, ctx) => ({
        violation: toProtoViolation(
          await uc.dismissViolation({ id: req.id, reason: req.reason, version: req.version }, ctx.principal),
        ),
      }),
    ),
    recordInspection: server.unary<supervisionV1.RecordInspectionRequest, supervisionV1.RecordInspectionResponse>(
      'RecordInspection',
      async (req, ctx) => {
        const done = await uc.recordInspection(
          {
            tenant: req.tenant,
            windowId: req.windowId,
            date: req.date,
            checklist: req.checklist.map((c) => ({ code: c.code, passed: c.passed, note: c.note })),
            photoFileIds: req.photoFileIds,
            person: req.person,
            requestId: req.requestId,
          },
          ctx.principal,
        );
        return { inspection: toProtoInspection(done.inspection), violations: done.violations.map(toProtoViolation) };
      },
    ),
    listInspections: server.unary<supervisionV1.ListInspectionsRequest, supervisionV1.ListInspectionsResponse>(
      'ListInspections',
      async (req, ctx) => {
        const page = await uc.listInspections(
          {
            tenant: req.tenant,
            windowId: req.windowId,
            fromDate: req.fromDate,
            toDate: req.toDate,
            pageSize: req.page?.pageSize,
            pageToken: req.page?.pageToken,
          },
          ctx.principal,
        );
        return {
          inspections: page.inspections.map(toProtoInspection),
          page: { nextPageToken: page.nextPageToken, total: 0 },
        };
      },
    ),
    uploadInspectionPhoto: server.unary<
      supervisionV1.UploadInspectionPhotoRequest,
      supervisionV1.UploadInspectionPhotoResponse
    >('UploadInspectionPhoto', async (req, ctx) => {
      const photo = await uc.uploadInspectionPhoto(
        { tenant: req.tenant, fileName: req.fileName, contentType: req.contentType, content: Buffer.from(req.content) },
        ctx.principal,
      );
      return { fileId: photo.id };
    }),
    getInspectionPhoto: server.unary<supervisionV1.GetInspectionPhotoRequest, supervisionV1.GetInspectionPhotoResponse>(
      'GetInspectionPhoto',
      async (req, ctx) => {
        const { photo, content } = await uc.getInspectionPhoto(req.fileId, ctx.principal);
        return { fileName: photo.fileName, contentType: photo.contentType, content };
      },
    ),
    proposeAccountability: server.unary<
      supervisionV1.ProposeAccountabilityRequest,
      supervisionV1.ProposeAccountabilityResponse
    >('ProposeAccountability', async (req, ctx) => ({
      accountability: toProtoAccountability(
        await uc.proposeAccountability(
          {
            tenant: req.tenant,
            violationIds: req.violationIds,
            targetKind: accountabilityTarget.fromProto(req.targetKind),
            targetId: req.targetId,
            proposedSanctions: req.proposedSanctions.map(sanction.fromProto),
            proposal: req.proposal,
            requestId: req.requestId,
          },
          ctx.principal,
        ),
      ),
    })),
    decideAccountability: server.unary<
      supervisionV1.DecideAccountabilityRequest,
      supervisionV1.DecideAccountabilityResponse
    >('DecideAccountability', async (req, ctx) => ({
      accountability: toProtoAccountability(
        await uc.decideAccountability(
          {
            id: req.id,
            sanctions: req.sanctions.map(sanction.fromProto),
            decision: req.decision,
            dismiss: req.dismiss,
            version: req.version,
          },
          ctx.principal,
        ),
      ),
    })),
    listAccountabilities: server.unary<
      supervisionV1.ListAccountabilitiesRequest,
      supervisionV1.ListAccountabilitiesResponse
    >('ListAccountabilities', async (req, ctx) => {
      const page = await uc.listAccountabilities(
        {
          tenant: req.tenant,
          includeSubordinates: req.includeSubordinates,
          state: filterEnum(req.state, accountabilityState.fromProto, 'state'),
          targetId: req.targetId,
          year: req.year,
          pageSize: req.page?.pageSize,
          pageToken: req.page?.pageToken,
        },
        ctx.principal,
      );
      return {
        accountabilities: page.accountabilities.map(toProtoAccountability),
        page: { nextPageToken: page.nextPageToken, total: 0 },
      };
    }),
  };
  server.addService('govhall.supervision.v1.ViolationService', supervisionV1.ViolationServiceService, impl);
}
