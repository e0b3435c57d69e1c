import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { chinaDate } from '@govhall/identifiers';
import { complaintsV1 } from '@govhall/proto';
import { grpcCall } from '../../lib/grpc-call';
import { HttpProblem } from '../../lib/problem';
import { toProblem } from '../../plugins/app/problem-details';
import { complaintKind } from '../api/v1/complaints/complaints.enums';
import type { Open311ApiKeys } from './open311-api-keys';
import { CreateRequestBody, JurisdictionQuery, ListRequestsQuery, RequestParams } from './open311.schemas';
import { serviceRequestOf, services } from './open311.services';

export interface Open311Options {
  deadlineMs: number;
  /** The deployment's tenants: with exactly one, jurisdiction_id may be left out. */
  tenants: readonly string[];
  publicUrl: string;
  apiKeys: Pick<Open311ApiKeys, 'tokenFor'>;
}

/** GeoReport's error answer: a list of { code, description }, one per field at fault. */
function open311Errors(error: unknown) {
  const p = toProblem(error);
  const described = (p.errors ?? []).map((v) => ({ code: p.status, description: `${v.path}: ${v.message}` }));
  return { status: p.status, body: described.length > 0 ? described : [{ code: p.status, description: p.detail }] };
}

const CHINA_DAY = (iso: string | undefined) => (iso ? chinaDate(new Date(iso)) : '');

/**
 * Open311 GeoReport v2 (ADR 0067) over the complaints service, so existing 311 clients file and follow complaints:
 * the services (one per complaint kind), a new request (a department system's service account, by its bearer token
 * or GeoReport's api_key), and where requests stand (anyone; masked by the service). JSON only.
 */
const open311Routes: FastifyPluginAsyncTypebox<Open311Options> = async (app, opts) => {
  const call = grpcCall(app, 'complaints', opts.deadlineMs);
  const jurisdiction = (given: string | undefined) => {
    if (given) return given;
    if (opts.tenants.length === 1) return opts.tenants[0]!;
    throw new HttpProblem(400, 'JURISDICTION_REQUIRED', '请指定 jurisdiction_id（6位行政区划代码）', [
      { path: 'jurisdiction_id', reason: 'REQUIRED', message: '请指定地区（6位行政区划代码）' },
    ]);
  };

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  app.setErrorHandler(async (error, request, reply) => {
    const { status, body } = open311Errors(error);
    if (status >= 500) request.log.error({ err: error }, 'open311 request failed');
    else request.log.info({ status }, 'open311 request rejected');
    return reply.status(status).send(body);
  });

  app.get('/discovery.json', { config: { auth: 'public' }, schema: { hide: true } }, async () => ({
    changeset: '2026-12-06T00:00:00Z',
    contact: '投诉和举报：各地区政务服务中心（见网上办事大厅“投诉和举报”页）',
    key_service: '向所在地区的政务服务中心申请部门系统服务账号，api_key 为“客户端标识:客户端密钥”',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${opts.publicUrl.replace(/\/+$/, '')}/open311/v2`,
        changeset: '2026-12-06T00:00:00Z',
        type: 'production',
        formats: ['application/json'],
      },
    ],
  }));

  app.get(
    '/services.json',
    { config: { auth: 'public' }, schema: { hide: true, querystring: JurisdictionQuery } },
    async (request) => {
      jurisdiction(request.query.jurisdiction_id);
      return services();
    },
  );

  app.post(
    '/requests.json',
    {
      config: { auth: 'public' },
      schema: { hide: true, body: CreateRequestBody },
      // GeoReport's api_key becomes the service account's bearer token; a token sent as such is used as it is.
      preHandler: async (request) => {
        const apiKey = request.body.api_key;
        if (!request.headers.authorization && apiKey) {
          request.headers.authorization = `Bearer ${await opts.apiKeys.tokenFor(apiKey)}`;
        }
        if (!request.headers.authorization) {
          throw new HttpProblem(403, 'API_KEY_REQUIRED', '提交投诉需要部门系统服务账号的 api_key');
        }
      },
    },
    async (request, reply) => {
      const b = request.body;
      const name = `${b.last_name ?? ''}${b.first_name ?? ''}`.trim();
      const res = await call(
        request,
        'fileComplaint',
        complaintsV1.FileComplaintRequest.fromPartial({
          tenant: jurisdiction(b.jurisdiction_id),
          // A request with a name is a 投诉; without, a 举报 (which may be anonymous).
          type: name
            ? complaintsV1.ComplaintType.COMPLAINT_TYPE_COMPLAINT
            : complaintsV1.ComplaintType.COMPLAINT_TYPE_REPORT,
          kind: complaintKind.toProto(b.service_code),
          channel: complaintsV1.ComplaintChannel.COMPLAINT_CHANNEL_OPEN311,
          target: { kind: complaintsV1.TargetKind.TARGET_KIND_NONE, id: '' },
          content: b.description,
          complainant: { name, phone: b.phone ?? '', email: b.email ?? '' },
          requestId: `open311-${randomUUID()}`,
        }),
        {
          content: 'description',
          'complainant.name': 'last_name',
          'complainant.phone': 'phone',
          'complainant.email': 'email',
          tenant: 'jurisdiction_id',
        },
      );
      const c = res.complaint!;
      return reply.status(201).send([
        {
          service_request_id: c.number,
          service_notice: `已收到，${c.acceptBy}前受理，受理后5个工作日内答复。`,
          account_id: null,
        },
      ]);
    },
  );

  const statuses = async (
    request: Parameters<typeof call>[0],
    query: Partial<complaintsV1.ListRequestStatusesRequest> & { tenant: string },
  ) =>
    (await call(request, 'listRequestStatuses', complaintsV1.ListRequestStatusesRequest.fromPartial(query))).statuses;

  app.get(
    '/requests.json',
    { config: { auth: 'public' }, schema: { hide: true, querystring: ListRequestsQuery } },
    async (request) => {
      const q = request.query;
      const numbers = (q.service_request_id ?? '')
        .split(',')
        .map((n) => n.trim())
        .filter(Boolean);
      const found = await statuses(request, {
        tenant: jurisdiction(q.jurisdiction_id),
        numbers,
        kind: complaintKind.toProto(q.service_code),
        from: CHINA_DAY(q.start_date),
        to: CHINA_DAY(q.end_date),
        state:
          q.status === 'open'
            ? complaintsV1.RequestState.REQUEST_STATE_OPEN
            : q.status === 'closed'
              ? complaintsV1.RequestState.REQUEST_STATE_CLOSED
              : complaintsV1.RequestState.REQUEST_STATE_UNSPECIFIED,
        page: { pageSize: 100, pageToken: '' },
      });
      return found.map(serviceRequestOf);
    },
  );

  app.get(
    '/requests/:id.json',
    {
      config: { auth: 'public' },
      schema: { hide: true, params: RequestParams, querystring: JurisdictionQuery },
    },
    async (request) => {
      const found = await statuses(request, {
        tenant: jurisdiction(request.query.jurisdiction_id),
        numbers: [request.params.id],
      });
      if (found.length === 0) throw new HttpProblem(404, 'REQUEST_NOT_FOUND', '找不到该投诉编号');
      return found.map(serviceRequestOf);
    },
  );
};

export default open311Routes;
