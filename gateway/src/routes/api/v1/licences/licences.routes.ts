import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../../../lib/common.schemas';
import { casesCall } from '../cases/cases-call';
import { APPLICANTS } from '../cases/roles';
import { LicencePage, MyLicencesQuery, VerifiedLicence, VerifyParams } from './licence.schemas';
import { licenceToRest, verifiedLicenceToRest } from './licence.mapper';

const tags = ['licences'];

/** /api/v1/licences — the e-licence library of the cases service: public verification, the holder's licences. */
const licencesRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = casesCall(app, opts.deadlineMs);

  app.get(
    '/verify/:code',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '按核验码核验电子证照（无需登录；持证人信息脱敏）',
        params: VerifyParams,
        response: { 200: VerifiedLicence, ...problems(400, 404) },
      },
    },
    async (request) => {
      const res = await call(
        request,
        'verifyLicence',
        { verificationCode: request.params.code },
        { verificationCode: 'params.code' },
      );
      if (!res.licence) throw new Error('applications answered without licence');
      return verifiedLicenceToRest(res.licence);
    },
  );

  app.get(
    '/mine',
    {
      config: { auth: { roles: APPLICANTS } },
      schema: {
        tags,
        summary: '我的电子证照（本人，或经办人所代理的法人）',
        querystring: MyLicencesQuery,
        response: { 200: LicencePage, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const q = request.query;
      const res = await call(
        request,
        'listMyLicences',
        { onBehalfOf: q.onBehalfOf ?? '', page: { pageSize: q.pageSize ?? 0, pageToken: q.pageToken ?? '' } },
        { onBehalfOf: 'querystring.onBehalfOf', page: 'querystring' },
      );
      return {
        licences: res.licences.map(licenceToRest),
        nextPageToken: res.page?.nextPageToken || undefined,
        total: res.page?.total ?? res.licences.length,
      };
    },
  );
};

export default licencesRoutes;
