import { ForbiddenError, ValidationError } from '@govhall/errors';
import { supervisionV1 } from '@govhall/proto';
import {
  fakeService,
  fakeVerifier,
  routeFixture,
  startFakeGrpcServers,
} from '../../../../../lib/fake-grpc-server.test-double';

// The fake EvaluationService the evaluation route tests talk to.
const S = supervisionV1;
export const TENANT = '620321';
export const SUPERVISOR = { authorization: 'Bearer supervisor' };
export const CENTER_ADMIN = { authorization: 'Bearer admin' };
export const CLERK = { authorization: 'Bearer clerk' };
export const PDF = Buffer.from('%PDF-1.7 bulletin');

const counts = (completed: number, onTime: number): supervisionV1.KpiCounts => ({
  ...S.KpiCounts.fromPartial({}),
  accepted: completed + 1,
  completed,
  onTime,
  early: onTime,
  yellowCards: 1,
  violations: 2,
});

export const figures = (tenant: string, completed: number, onTime: number): supervisionV1.KpiFigures => ({
  subject: { level: S.KpiSubjectLevel.KPI_SUBJECT_LEVEL_TENANT, id: tenant, tenant },
  period: { kind: S.KpiPeriodKind.KPI_PERIOD_KIND_MONTH, key: '2026-07' },
  counts: counts(completed, onTime),
  rates: completed ? { onTimeRate: onTime / completed } : {},
});

export async function startEvaluationFixture() {
  const fake = await startFakeGrpcServers([
    fakeService(S.EvaluationServiceService, {
      listKpis: async (req) => {
        if (req.tenant === '620302') throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '无权查看同级地区的统计');
        if (req.toKey && req.toKey < req.fromKey)
          throw new ValidationError([{ path: 'toKey', reason: 'RANGE', message: '结束期间不能早于开始期间' }]);
        return { figures: [figures(TENANT, 3, 2)], totals: [figures(req.tenant || TENANT, 3, 2)] };
      },
      getPublicStatistics: async (req) => {
        if (req.month > '2026-12')
          throw new ValidationError([{ path: 'month', reason: 'RANGE', message: '月份不能晚于本月' }]);
        return {
          tenant: req.tenant,
          month: req.month,
          total: { id: req.tenant, accepted: 3, completed: 3, onTime: 2, onTimeRate: 2 / 3, ratings: 0 },
          departments: [{ id: '620321-SCJG', accepted: 3, completed: 3, onTime: 2, onTimeRate: 2 / 3, ratings: 0 }],
          windows: [],
        };
      },
      renderMonthlyBulletin: async (req) => ({
        pdf: PDF,
        fileName: `${req.tenant || TENANT}-${req.month}-月通报.pdf`,
        contentHash: 'ab'.repeat(32),
      }),
      renderDailyCheck: async (req) => {
        if (req.tenant === '620302') throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '无权查看同级地区的日检查表');
        if (req.date > '2026-12-31')
          throw new ValidationError([{ path: 'date', reason: 'RANGE', message: '日期不能晚于今天' }]);
        return {
          pdf: PDF,
          fileName: `${req.tenant || TENANT}-${req.date}-日检查表.pdf`,
          contentHash: 'cd'.repeat(32),
        };
      },
    }),
  ]);
  return routeFixture(
    'supervision',
    fake,
    fakeVerifier(TENANT, { supervisor: ['supervisor'], admin: ['center_admin'], clerk: ['window_clerk'] }),
  );
}
