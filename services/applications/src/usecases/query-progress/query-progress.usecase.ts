import { NotFoundError, type Violation } from '@govhall/errors';
import { maskName } from '@govhall/identifiers';
import type { CaseStatus } from '../../domain/case';
import { currentDueDate } from '../../domain/case-lists';
import { throwIfInvalid } from '../case.policies';
import type { CaseCore } from '../deps';

const CASE_NUMBER = /^\d{19}(\d{3}){0,2}$/;
const ID_CODE = /^[0-9A-Za-z]{18}$/;

export interface Progress {
  caseNumber: string;
  itemName: string;
  status: CaseStatus;
  applicantName: string;
  departmentName: string;
  receivedDate: string;
  dueDate: string;
  timeline: { action: string; status: CaseStatus; at: string }[];
}

const minute = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** Not found and "number and ID code do not match" are one answer, so the query tells nothing to a guesser. */
const notFound = () => new NotFoundError('CASE_NOT_FOUND', '未查询到办件，请核对办件编号和申请人证件号码');

/**
 * The public progress query (no login): the case number plus the applicant's ID number or credit code; the answer
 * masks the applicant and shows the timeline without names of staff or reasons.
 */
export function queryProgressUseCase(deps: Pick<CaseCore, 'cases' | 'editions'>) {
  return async (command: { caseNumber: string; applicantIdCode: string }): Promise<Progress> => {
    const violations: Violation[] = [];
    if (!CASE_NUMBER.test(command.caseNumber)) {
      violations.push({
        path: 'caseNumber',
        reason: 'PATTERN',
        message: '办件编号应为行政区划代码、日期和序号组成的数字',
      });
    }
    if (!ID_CODE.test(command.applicantIdCode)) {
      violations.push({
        path: 'applicantIdCode',
        reason: 'PATTERN',
        message: '请填写18位身份证号码或统一社会信用代码',
      });
    }
    throwIfInvalid(violations);
    const c = await deps.cases.findByCaseNumber(command.caseNumber);
    if (!c || c.applicant.idCode.toUpperCase() !== command.applicantIdCode.toUpperCase()) throw notFound();
    const edition = await deps.editions.get(c.itemId);
    return {
      caseNumber: c.caseNumber,
      itemName: c.itemName,
      status: c.status,
      applicantName: maskName(c.applicant.name),
      departmentName: edition?.departmentName ?? c.department,
      receivedDate: c.clocks.receivedDate,
      dueDate: currentDueDate(c),
      timeline: c.history
        .filter((h) => h.toStatus !== 'draft')
        .map((h) => ({ action: h.action, status: h.toStatus, at: minute.format(h.at) })),
    };
  };
}
