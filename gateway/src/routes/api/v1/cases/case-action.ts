import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Static, TObject } from '@sinclair/typebox';
import type { applicationsV1 } from '@govhall/proto';
import { problems } from '../../../../lib/common.schemas';
import type { RouteAuth } from '../../../../plugins/app/auth';
import { Case, CaseParams } from './case.schemas';
import { caseToRest, present } from './case.mapper';

export const tags = ['cases'];
/** Where the service's `id` sits in the HTTP request. */
export const ID = { id: 'params.id' };

type App = FastifyInstance<any, any, any, any, TypeBoxTypeProvider>;

export interface CaseAction<S extends TObject> {
  /** Under /api/v1/cases, e.g. '/:id/accept'. */
  url: string;
  summary: string;
  auth: RouteAuth;
  body: S;
  /** The RPC for the case named in the path, with the validated body. */
  send: (request: FastifyRequest, id: string, body: Static<S>) => Promise<{ case?: applicationsV1.Case }>;
}

/** POST /{id}/<act> with a JSON body carrying expectedVersion: one RPC, the case as it is afterwards. */
export function caseAction<S extends TObject>(app: App, action: CaseAction<S>): void {
  app.post(
    action.url,
    {
      config: { auth: action.auth },
      schema: {
        tags,
        summary: action.summary,
        params: CaseParams,
        body: action.body,
        response: { 200: Case, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { id } = request.params as Static<typeof CaseParams>;
      const res = await action.send(request, id, request.body as Static<S>);
      return caseToRest(present(res.case, 'case'));
    },
  );
}
