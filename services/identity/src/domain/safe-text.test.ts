import { createDepartment, validateNewDepartment } from './department';
import { newLegalPerson, validateLegalPerson } from './legal-person';
import { newNaturalPerson, sameRegistration, validateNaturalPerson } from './natural-person';
import { creditCode, idNumber } from './natural-person.test-double';
import { newServiceAccount, validateNewServiceAccount } from './service-account';
import { disableReasonViolations, newStaff, recordLeave, validateLeave, validateNewStaff } from './staff';
import { createTenant, validateNewTenant } from './tenant';
import { createWindow, validateNewWindow } from './window';
import { staffFact, windowInput } from './window.test-double';

// Every human-entered name and text of identity goes through @govhall/identifiers checkText: NFC, no control,
// bidi or zero-width characters, not blank once invisible characters are removed, lengths in code points.
const NOW = new Date('2026-11-26T02:00:00Z');
const TODAY = '2026-11-26';
const RLO = '\u202E';
const reasons = (v: { path: string; reason?: string }[]) => v.map((x) => `${x.path}:${x.reason}`);
const center = { name: '金昌市政务服务中心', address: '金川区新华路', hours: '周一至周五', phones: ['0935-8212345'] };
const staffInput = {
  tenant: '620321',
  department: '620321-SCJG',
  username: 'yc-clerk-9',
  displayName: '测试窗口员',
  phone: '13912345678',
  roles: ['window_clerk'],
  initialPassword: 'Start2026x',
};
const person = { tenant: '620321', name: '张三', idNumber: idNumber(), phone: '13912345678', password: 'Apply2026x' };
const company = {
  tenant: '620321',
  name: '永昌县金川农产品有限公司',
  creditCode: creditCode(),
  legalRepresentativeName: '张三',
  legalRepresentativeIdNumber: idNumber(),
};
const verification = { method: 'format-only', verified: false, note: '仅校验格式', verifiedAt: NOW };

describe('identity names and texts follow the shared text rule', () => {
  it('refuses bidi, control and invisible-only text in every field, with the field path', () => {
    expect(reasons(validateNewDepartment({ tenant: '620321', abbreviation: 'SCJG', name: `市场${RLO}监管` }))).toEqual([
      'name:BIDI_CONTROL',
    ]);
    expect(
      reasons(
        validateNewTenant(
          {
            code: '620300',
            name: '金昌\u0000市',
            level: '',
            center: { ...center, address: '\u200D\u3000', hours: `周一${RLO}` },
          },
          undefined,
        ),
      ),
    ).toEqual(['name:CONTROL_CHARACTER', 'center.address:BLANK', 'center.hours:BIDI_CONTROL']);
    const windowV = validateNewWindow(
      windowInput({ name: `市场${RLO}窗口`, location: '一楼\u200B东侧' }),
      ['620321-SCJG'],
      {
        a: staffFact('a'),
        b: staffFact('b'),
      },
    );
    expect(reasons(windowV)).toEqual(['name:BIDI_CONTROL', 'location:INVISIBLE_CHARACTER']);
    expect(reasons(validateNewStaff({ ...staffInput, displayName: `张${RLO}三` }))).toEqual([
      'displayName:BIDI_CONTROL',
    ]);
    expect(reasons(validateLeave({ fromDate: TODAY, toDate: TODAY, reason: '\u3000\u00AD\u3000' }, TODAY))).toEqual([
      'leave.reason:BLANK',
    ]);
    expect(reasons(disableReasonViolations('离职\n调动'))).toEqual(['reason:CONTROL_CHARACTER']);
    expect(
      reasons(
        validateNewServiceAccount({
          tenant: '620321',
          department: '620321-SCJG',
          clientId: 'yc-scjg-sys',
          description: `对接${RLO}系统`,
        }),
      ),
    ).toEqual(['description:BIDI_CONTROL']);
    expect(reasons(validateNaturalPerson({ ...person, name: `张${RLO}三` }, NOW))).toEqual(['name:BIDI_CONTROL']);
    expect(
      reasons(validateLegalPerson({ ...company, name: `${RLO}司公限有`, legalRepresentativeName: '张\u200B三' }, NOW)),
    ).toEqual(['name:BIDI_CONTROL', 'legalRepresentativeName:INVISIBLE_CHARACTER']);
  });

  it('counts a staff name in characters: thirty Extension B characters fit, thirty-one do not', () => {
    expect(validateNewStaff({ ...staffInput, displayName: '𠀀'.repeat(30) })).toEqual([]);
    expect(reasons(validateNewStaff({ ...staffInput, displayName: '𠀀'.repeat(31) }))).toEqual(['displayName:LENGTH']);
  });

  it('stores every name and text in NFC', () => {
    const nfd = 'Cafe\u0301\uF907';
    const nfc = 'Caf\u00e9\u9F9C';
    expect(createDepartment({ tenant: '620321', abbreviation: 'SCJG', name: nfd }, NOW).department.name).toBe(nfc);
    const tenant = createTenant({ code: '620300', name: nfd, level: '', center: { ...center, address: nfd } }, NOW);
    expect([tenant.tenant.name, tenant.tenant.center.address]).toEqual([nfc, nfc]);
    const window = createWindow(windowInput({ name: nfd, location: nfd }), 'w1', NOW).window;
    expect([window.name, window.location]).toEqual([nfc, nfc]);
    const staff = newStaff({ ...staffInput, displayName: nfd }, 's1', NOW);
    expect(staff.displayName).toBe(nfc);
    expect(recordLeave(staff, { fromDate: TODAY, toDate: TODAY, reason: nfd }, NOW).staff.leaves[0]?.reason).toBe(nfc);
    expect(
      newServiceAccount(
        { tenant: '620321', department: '620321-SCJG', clientId: 'yc-scjg-sys', description: nfd },
        'sa1',
        NOW,
      ).description,
    ).toBe(nfc);
    // A person's name of Han characters: U+F907 is accepted by the alphabet and stored as U+9F9C.
    const naturalPerson = newNaturalPerson({ ...person, name: '\uF907山' }, 'np1', verification, NOW);
    expect(naturalPerson.name).toBe('\u9F9C山');
    expect(sameRegistration(naturalPerson, { ...person, name: '\uF907山' })).toBe(true);
    const legal = newLegalPerson(
      { ...company, name: nfd, legalRepresentativeName: '\uF907山' },
      'lp1',
      { personId: 'np1', subject: 'sub' },
      verification,
      NOW,
    ).legalPerson;
    expect([legal.name, legal.legalRepresentativeName]).toEqual([nfc, '\u9F9C山']);
  });
});
