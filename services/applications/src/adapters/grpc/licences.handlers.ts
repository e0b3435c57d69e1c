import { decodePageToken, encodePageToken, pageSize } from '@govhall/paging';
import type { GrpcServer } from '@govhall/grpc';
import type { applicationsV1 } from '@govhall/proto';
import type { CaseCore } from '../../usecases/deps';
import { citeLicenceUseCase } from '../../usecases/cite-licence/cite-licence.usecase';
import { handlingDeps } from '../../usecases/handling.deps';
import { listMyLicencesUseCase } from '../../usecases/list-my-licences/list-my-licences.usecase';
import { verifyLicenceUseCase } from '../../usecases/verify-licence/verify-licence.usecase';
import type { HandlerGroup } from './handler-group';
import { caseView } from './case.mapper';
import { toProtoLicence } from './licence.mapper';

/** The e-licence library: citing a licence for a material, the public check, the holder's list. */
export const licenceHandlers: HandlerGroup<'citeLicence' | 'verifyLicence' | 'listMyLicences'> = (
  server: GrpcServer,
  core: CaseCore,
  afterWrite: () => void,
) => {
  const deps = handlingDeps(core);
  const cite = citeLicenceUseCase(deps);
  const verify = verifyLicenceUseCase(deps);
  const listMine = listMyLicencesUseCase(deps);
  return {
    citeLicence: server.unary<applicationsV1.CiteLicenceRequest, applicationsV1.CiteLicenceResponse>(
      'CiteLicence',
      async (req, ctx) => {
        const c = await cite(
          {
            id: req.id,
            expectedVersion: Number(req.expectedVersion),
            materialId: req.materialId,
            licenceNumber: req.licenceNumber,
          },
          ctx.principal,
        );
        afterWrite();
        return { case: caseView(c, ctx.principal) };
      },
    ),
    verifyLicence: server.unary<applicationsV1.VerifyLicenceRequest, applicationsV1.VerifyLicenceResponse>(
      'VerifyLicence',
      async (req) => ({ licence: toProtoLicence(await verify(req.verificationCode)) }),
      { auth: 'none' },
    ),
    listMyLicences: server.unary<applicationsV1.ListMyLicencesRequest, applicationsV1.ListMyLicencesResponse>(
      'ListMyLicences',
      async (req, ctx) => {
        const limit = pageSize(req.page?.pageSize);
        const offset = decodePageToken(req.page?.pageToken);
        const { licences, total } = await listMine(
          { onBehalfOf: req.onBehalfOf, offset, limit },
          ctx.principal,
          ctx.authorization ?? '',
        );
        return {
          licences: licences.map(toProtoLicence),
          page: {
            nextPageToken: offset + licences.length < total ? encodePageToken(offset + licences.length) : '',
            total,
          },
        };
      },
    ),
  };
};
