import type { GrpcServer } from '@govhall/grpc';
import type { identityV1 } from '@govhall/proto';
import type { ApplicantUseCases } from '../../usecases/applicants.use-cases';
import {
  agentScopeFromProto,
  toProtoAgentGrant,
  toProtoApplicantSummary,
  toProtoLegalPerson,
  toProtoNaturalPerson,
} from './applicants.mapper';

type ApplicantRpcs =
  | 'registerNaturalPerson'
  | 'disableNaturalPerson'
  | 'registerLegalPerson'
  | 'getLegalPerson'
  | 'listApplicants'
  | 'findApplicant'
  | 'authorizeAgent'
  | 'revokeAgent'
  | 'checkActingAuthority';

/** Applicant RPCs (natural persons, legal persons, agents): proto ⇄ use case. GetMyProfile is combined elsewhere. */
export function applicantsHandlers(
  server: GrpcServer,
  uc: ApplicantUseCases,
  afterWrite: () => void,
): Pick<identityV1.IdentityServiceServer, ApplicantRpcs> {
  return {
    registerNaturalPerson: server.unary<
      identityV1.RegisterNaturalPersonRequest,
      identityV1.RegisterNaturalPersonResponse
    >(
      'RegisterNaturalPerson',
      async (req) => {
        const person = await uc.registerNaturalPerson({
          tenant: req.tenant,
          name: req.name,
          idNumber: req.idNumber,
          phone: req.phone,
          password: req.password,
        });
        afterWrite();
        return { person: toProtoNaturalPerson(person) };
      },
      { auth: 'none' },
    ),
    disableNaturalPerson: server.unary<identityV1.DisableNaturalPersonRequest, identityV1.DisableNaturalPersonResponse>(
      'DisableNaturalPerson',
      async (req, ctx) => {
        const person = await uc.disableNaturalPerson({ personId: req.personId, reason: req.reason }, ctx.principal);
        afterWrite();
        return { person: toProtoNaturalPerson(person) };
      },
    ),
    registerLegalPerson: server.unary<identityV1.RegisterLegalPersonRequest, identityV1.RegisterLegalPersonResponse>(
      'RegisterLegalPerson',
      async (req, ctx) => {
        const legalPerson = await uc.registerLegalPerson(
          {
            tenant: req.tenant,
            name: req.name,
            creditCode: req.creditCode,
            legalRepresentativeName: req.legalRepresentativeName,
            legalRepresentativeIdNumber: req.legalRepresentativeIdNumber,
          },
          ctx.principal,
        );
        afterWrite();
        return { legalPerson: toProtoLegalPerson(legalPerson) };
      },
    ),
    getLegalPerson: server.unary<identityV1.GetLegalPersonRequest, identityV1.GetLegalPersonResponse>(
      'GetLegalPerson',
      async (req, ctx) => ({ legalPerson: toProtoLegalPerson(await uc.getLegalPerson(req.id, ctx.principal)) }),
    ),
    listApplicants: server.unary<identityV1.ListApplicantsRequest, identityV1.ListApplicantsResponse>(
      'ListApplicants',
      async (req, ctx) => {
        const result = await uc.listApplicants(
          { tenant: req.tenant, pageSize: req.page?.pageSize, pageToken: req.page?.pageToken },
          ctx.principal,
        );
        return {
          applicants: result.applicants.map(toProtoApplicantSummary),
          page: { nextPageToken: result.nextPageToken, total: result.total },
        };
      },
    ),
    findApplicant: server.unary<identityV1.FindApplicantRequest, identityV1.FindApplicantResponse>(
      'FindApplicant',
      async (req, ctx) => {
        const found = await uc.findApplicant({ tenant: req.tenant, idCode: req.idCode }, ctx.principal);
        return found.kind === 'natural'
          ? { applicant: { $case: 'person', value: toProtoNaturalPerson(found.person) } }
          : { applicant: { $case: 'legalPerson', value: toProtoLegalPerson(found.legalPerson) } };
      },
    ),
    authorizeAgent: server.unary<identityV1.AuthorizeAgentRequest, identityV1.AuthorizeAgentResponse>(
      'AuthorizeAgent',
      async (req, ctx) => {
        const { legalPerson, grant } = await uc.authorizeAgent(
          {
            legalPersonId: req.legalPersonId,
            agentIdNumber: req.agentIdNumber,
            scope: agentScopeFromProto(req.scope),
            validUntil: req.validUntil,
          },
          ctx.principal,
        );
        afterWrite();
        return { legalPerson: toProtoLegalPerson(legalPerson), grant: toProtoAgentGrant(grant) };
      },
    ),
    revokeAgent: server.unary<identityV1.RevokeAgentRequest, identityV1.RevokeAgentResponse>(
      'RevokeAgent',
      async (req, ctx) => {
        const legalPerson = await uc.revokeAgent(
          { legalPersonId: req.legalPersonId, grantId: req.grantId, reason: req.reason },
          ctx.principal,
        );
        afterWrite();
        return { legalPerson: toProtoLegalPerson(legalPerson) };
      },
    ),
    checkActingAuthority: server.unary<identityV1.CheckActingAuthorityRequest, identityV1.CheckActingAuthorityResponse>(
      'CheckActingAuthority',
      async (req, ctx) =>
        uc.checkActingAuthority(
          {
            legalPersonId: req.legalPersonId,
            department: req.department,
            itemCode: req.itemCode,
            agentSubject: req.agentSubject,
          },
          ctx.principal,
        ),
    ),
  };
}
