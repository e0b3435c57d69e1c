import type { Principal } from '@govhall/auth';
import { NotFoundError } from '@govhall/errors';
import type { GrpcServer } from '@govhall/grpc';
import { identityV1 } from '@govhall/proto';
import type { IdentityComposition } from '../../compose';
import { applicantsHandlers } from './applicants.handlers';
import { toProtoLegalPerson, toProtoNaturalPerson } from './applicants.mapper';
import { staffHandlers } from './staff.handlers';
import { toProtoStaff } from './staff.mapper';
import { tenancyHandlers } from './tenancy.handlers';

/** govhall.identity.v1.IdentityService: every RPC, from the three areas' handlers plus GetMyProfile. */
export function registerIdentityService(
  server: GrpcServer,
  uc: Pick<IdentityComposition, 'tenancy' | 'applicants' | 'staff' | 'repositories'>,
  afterWrite: () => void,
): void {
  const impl: identityV1.IdentityServiceServer = {
    ...tenancyHandlers(server, uc.tenancy, afterWrite),
    ...applicantsHandlers(server, uc.applicants, afterWrite),
    ...staffHandlers(server, uc.staff, afterWrite),
    getMyProfile: server.unary<identityV1.GetMyProfileRequest, identityV1.GetMyProfileResponse>(
      'GetMyProfile',
      async (_req, ctx) => myProfile(uc, ctx.principal),
    ),
  };
  server.addService('govhall.identity.v1.IdentityService', identityV1.IdentityServiceService, impl);
}

/** A member of staff sees their staff record; an applicant their person with the legal persons around them. */
async function myProfile(
  uc: Pick<IdentityComposition, 'applicants' | 'repositories'>,
  principal: Principal,
): Promise<identityV1.GetMyProfileResponse> {
  if (principal.kind === 'user' && !principal.roles.includes('applicant')) {
    const staff = principal.subject ? await uc.repositories.staff.findBySubject(principal.subject) : null;
    if (!staff) throw new NotFoundError('STAFF_NOT_FOUND', '未找到您的工作人员档案，请联系本中心管理员');
    return { profile: { $case: 'staff', value: toProtoStaff(staff) }, heldLegalPersons: [], agentFor: [] };
  }
  const profile = await uc.applicants.getApplicantProfile(principal);
  return {
    profile: { $case: 'person', value: toProtoNaturalPerson(profile.person) },
    heldLegalPersons: profile.heldLegalPersons.map(toProtoLegalPerson),
    agentFor: profile.agentFor.map(toProtoLegalPerson),
  };
}
