import { tenantScope, type Principal } from '@govhall/auth';
import { ForbiddenError } from '@govhall/errors';
import { stringify } from 'csv-stringify/sync';
import { yuanText } from '@govhall/money';
import { FEE_CATEGORY_NAMES } from '../../domain/fee-items/fee-item';
import {
  checkPeriod,
  collectionReport,
  type CollectionReport,
  type ReportGrouping,
} from '../../domain/reports/collection-report';
import type { NoticeRepository } from '../ports';

export interface ReportRequest {
  tenant: string;
  from: string;
  to: string;
  grouping: ReportGrouping;
}

const READERS = ['finance_reconciler', 'center_admin', 'supervisor'] as const;

function requireReader(actor: Principal, tenant: string): void {
  const roles = READERS.filter((r) => actor.roles.includes(r));
  if (roles.length === 0)
    throw new ForbiddenError('ROLE_REQUIRED', '只有财务人员、中心管理员或监察人员可以查看收费统计');
  if (!tenantScope(actor, roles, 'read', tenant)) {
    throw new ForbiddenError('TENANT_OUT_OF_SCOPE', '无权查看其他地区的收费统计');
  }
}

/** 收费统计 (P10): the tenant's collections in a period, per department and/or category, with the refunds. */
export function collectionReportUseCase(deps: { notices: NoticeRepository }) {
  return async (request: ReportRequest, actor: Principal): Promise<CollectionReport> => {
    checkPeriod(request.from, request.to);
    const tenant = request.tenant || actor.tenant || '';
    requireReader(actor, tenant);
    const notices = await deps.notices.forReport(tenant, request.from, request.to);
    return collectionReport({ tenant, from: request.from, to: request.to, grouping: request.grouping, notices });
  };
}

/** The report as CSV with a BOM (Excel opens the Chinese text): a row per group, the total, the refunds. */
export function collectionReportCsv(report: CollectionReport): { csv: Buffer; fileName: string } {
  const rows = report.rows.map((r) => [
    r.department || '全部',
    r.category ? FEE_CATEGORY_NAMES[r.category] : '全部',
    String(r.noticeCount),
    String(r.lineCount),
    yuanText(r.amountFen),
  ]);
  const text = stringify([
    ['执收部门', '收费类别', '缴款笔数', '收费项目条数', '金额（元）'],
    ...rows,
    ['合计', '', String(report.noticeCount), '', yuanText(report.totalFen)],
    ['退款', '', String(report.refundCount), '', yuanText(report.refundedFen)],
  ]);
  return {
    csv: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
    fileName: `收费统计-${report.tenant}-${report.from}至${report.to}.csv`,
  };
}

export function exportCollectionReportUseCase(deps: { notices: NoticeRepository }) {
  const report = collectionReportUseCase(deps);
  return async (request: ReportRequest, actor: Principal) => collectionReportCsv(await report(request, actor));
}
