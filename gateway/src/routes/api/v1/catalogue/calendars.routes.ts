import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problems } from '../../../../lib/common.schemas';
import { grpcCall } from '../../../../lib/grpc-call';
import { calendarToRest } from './calendar.mapper';
import {
  AddWorkingDaysQuery,
  AddWorkingDaysResult,
  CalendarParams,
  CalendarYear,
  CountWorkingDaysQuery,
  CountWorkingDaysResult,
  OverrideBody,
  OverrideParams,
  TenantParams,
} from './calendar.schemas';
import { present } from './item.mapper';
import { CATALOGUE_ADMINS } from './roles';

const tags = ['calendar'];

/** A tenant's working-day calendar: official holidays and make-up days plus its own overrides. */
const calendarsRoutes: FastifyPluginAsyncTypebox<{ deadlineMs: number }> = async (app, opts) => {
  const call = grpcCall(app, 'catalogue', opts.deadlineMs);
  const tenantParam = { tenant: 'params.tenant' };

  app.get(
    '/calendars/:tenant/:year',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '工作日历：全年的节假日、调休上班日和本地调整',
        params: CalendarParams,
        response: { 200: CalendarYear, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const { tenant, year } = request.params;
      const res = await call(request, 'getCalendar', { tenant, year }, { ...tenantParam, year: 'params.year' });
      return calendarToRest(present(res.calendar, 'calendar'));
    },
  );

  app.get(
    '/calendars/:tenant/working-days/add',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '起算日后第 N 个工作日（起算日不计入）',
        params: TenantParams,
        querystring: AddWorkingDaysQuery,
        response: { 200: AddWorkingDaysResult, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const { start, days } = request.query;
      const res = await call(
        request,
        'addWorkingDays',
        { tenant: request.params.tenant, start, days },
        { ...tenantParam, start: 'querystring.start', days: 'querystring.days' },
      );
      return { date: res.date, provisional: res.provisional, unpublishedYears: res.unpublishedYears };
    },
  );

  app.get(
    '/calendars/:tenant/working-days/count',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: '两个日期之间的工作日数（不含起日，含止日）',
        params: TenantParams,
        querystring: CountWorkingDaysQuery,
        response: { 200: CountWorkingDaysResult, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      const { from, to } = request.query;
      const res = await call(
        request,
        'countWorkingDays',
        { tenant: request.params.tenant, from, to },
        { ...tenantParam, from: 'querystring.from', to: 'querystring.to' },
      );
      return { days: res.days, provisional: res.provisional, unpublishedYears: res.unpublishedYears };
    },
  );

  app.put(
    '/calendars/:tenant/overrides/:date',
    {
      config: { auth: { roles: CATALOGUE_ADMINS } },
      schema: {
        tags,
        summary: '设置本地调整（中心管理员）：某日本地放假或上班',
        params: OverrideParams,
        body: OverrideBody,
        response: { 200: CalendarYear, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { tenant, date } = request.params;
      const res = await call(
        request,
        'setCalendarOverride',
        { tenant, override: { date, ...request.body } },
        { ...tenantParam, 'override.date': 'params.date', override: '' },
      );
      return calendarToRest(present(res.calendar, 'calendar'));
    },
  );

  app.delete(
    '/calendars/:tenant/overrides/:date',
    {
      config: { auth: { roles: CATALOGUE_ADMINS } },
      schema: {
        tags,
        summary: '取消本地调整（中心管理员）',
        params: OverrideParams,
        response: { 200: CalendarYear, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const { tenant, date } = request.params;
      const res = await call(
        request,
        'removeCalendarOverride',
        { tenant, date },
        { ...tenantParam, date: 'params.date' },
      );
      return calendarToRest(present(res.calendar, 'calendar'));
    },
  );
};

export default calendarsRoutes;
