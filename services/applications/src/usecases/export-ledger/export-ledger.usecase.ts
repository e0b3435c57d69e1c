import type { Principal } from '@govhall/auth';
import { maskIdNumber } from '@govhall/identifiers';
import type { Violation } from '@govhall/errors';
import { stringify } from 'csv-stringify/sync';
import type { Case } from '../../domain/case';
import { QUEUE_KIND_NAMES } from '../../domain/case-lists';
import { STATUS_NAMES } from '../../domain/case-status';
import { throwIfInvalid } from '../case.policies';
import type { CaseCore } from '../deps';
import type { CaseQueries } from '../queries.ports';

const TENANT = /^(\d{6}|\d{9}|\d{12})$/;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const COLUMNS = [
  '办件编号',
  '事项名称',
  '办件类型',
  '受理渠道',
  '申请人',
  '证件号码',
  '办理部门',
  '收件日期',
  '受理日期',
  '承诺办结日期',
  '办结日期',
  '办理结果',
  '当前状态',
];

function completedDate(c: Case): string {
  const done = c.history.find((h) => h.toStatus === 'completed');
  return done ? done.at.toISOString().slice(0, 10) : '';
}

function row(c: Case): string[] {
  return [
    c.caseNumber,
    c.itemName,
    QUEUE_KIND_NAMES[c.handlingCategory],
    c.channel === 'online' ? '网上申报' : '窗口受理',
    c.applicant.name,
    // A person's ID number is masked; an organisation's credit code is public.
    c.applicant.kind === 'natural_person' ? maskIdNumber(c.applicant.idCode) : c.applicant.idCode,
    c.department,
    c.clocks.receivedDate,
    c.clocks.acceptedDate,
    c.clocks.promised?.dueDate ?? '',
    completedDate(c),
    c.decision ? (c.decision.outcome === 'approved' ? '准予' : '不予') : '',
    STATUS_NAMES[c.status],
  ];
}

/**
 * 登记台账 (A33): every case of a tenant (optionally one department) received in a month, one row each, as CSV with
 * a BOM so Excel opens the Chinese text. Center admins and supervisors of the tenant (and above); department heads
 * for their own department.
 */
export function exportLedgerUseCase(deps: Pick<CaseCore, 'authorizer'> & { queries: CaseQueries }) {
  return async (
    command: { tenant: string; month: string; department?: string },
    actor: Principal,
  ): Promise<{ csv: Buffer; fileName: string; rows: number }> => {
    const violations: Violation[] = [];
    if (!TENANT.test(command.tenant)) {
      violations.push({ path: 'tenant', reason: 'PATTERN', message: '租户应为6、9或12位行政区划代码' });
    }
    if (!MONTH.test(command.month))
      violations.push({ path: 'month', reason: 'PATTERN', message: '月份格式应为YYYY-MM' });
    throwIfInvalid(violations);
    deps.authorizer.ensure(
      actor,
      'read',
      { type: 'case-ledger', tenant: command.tenant, department: command.department || undefined },
      // A department head exports only their own department's ledger.
      {
        roles: command.department ? ['center_admin', 'supervisor', 'department_head'] : ['center_admin', 'supervisor'],
      },
    );
    const cases = await deps.queries.ledger(command.tenant, command.month, command.department || undefined);
    const body = stringify([COLUMNS, ...cases.map(row)]);
    const scope = command.department ? `${command.tenant}-${command.department}` : command.tenant;
    return {
      csv: Buffer.concat([Buffer.from('\ufeff'), Buffer.from(body)]),
      fileName: `办件登记台账-${scope}-${command.month}.csv`,
      rows: cases.length,
    };
  };
}
