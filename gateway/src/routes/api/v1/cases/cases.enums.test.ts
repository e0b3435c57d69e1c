import { applicationsV1 } from '@govhall/proto';
import { CASE_STATUS_NAMES, caseStatus, currentStatusOf, myCaseList } from './cases.enums';

describe('cases enums', () => {
  it('spell every proto value and read it back', () => {
    for (const s of caseStatus.values) expect(caseStatus.rest(caseStatus.proto(s))).toBe(s);
    expect(caseStatus.rest(applicationsV1.CaseStatus.CASE_STATUS_PRE_REVIEW_PASSED)).toBe('pre_review_passed');
    expect(myCaseList.values).toEqual(['drafts', 'submitted', 'in_progress', 'completed']);
  });

  it('name every case state in Chinese', () => {
    expect(Object.keys(CASE_STATUS_NAMES).sort()).toEqual([...caseStatus.values].sort());
  });

  it("read a WRONG_STATE refusal's currentStatus however the service writes it", () => {
    for (const v of [
      'CASE_STATUS_SUSPENDED',
      'SUSPENDED',
      'suspended',
      String(applicationsV1.CaseStatus.CASE_STATUS_SUSPENDED),
    ]) {
      expect(currentStatusOf(v)).toBe('suspended');
    }
    expect(currentStatusOf('')).toBeUndefined();
    expect(currentStatusOf('CASE_STATUS_UNSPECIFIED')).toBeUndefined();
    expect(currentStatusOf('0')).toBeUndefined();
    expect(currentStatusOf('asleep')).toBeUndefined();
  });
});
