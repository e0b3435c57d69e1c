import { NotFoundError, ValidationError } from '@govhall/errors';
import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter } from '@govhall/identifiers';
import { creditCode, idNumber } from './natural-person.test-double';
import {
  authorizeAgent,
  newLegalPerson,
  REPLACED_REASON,
  revokeAgent,
  validateAgentGrant,
  validateLegalPerson,
  type LegalPerson,
  type LegalPersonInput,
} from './legal-person';

const NOW = new Date('2026-03-02T02:00:00Z');
const TODAY = '2026-03-02';
const input: LegalPersonInput = {
  tenant: '620321',
  name: '永昌县金川农产品有限公司',
  creditCode: creditCode(),
  legalRepresentativeName: '张三',
  legalRepresentativeIdNumber: idNumber(),
};
const verification = { method: 'format-only', verified: true, note: '仅校验格式', verifiedAt: NOW };

function company(): LegalPerson {
  return newLegalPerson(input, 'lp-1', { personId: 'np-holder', subject: 'sub-holder' }, verification, NOW).legalPerson;
}

const agent = (n: string) => ({ personId: `np-${n}`, name: `经办人${n}`, subject: `sub-${n}` });
const grantInput = (n: string, departments = ['620321-SCJG']) => ({
  grantId: `g-${n}`,
  agent: agent(n),
  scope: { allDepartments: false, departments, itemCodes: [] },
  validUntil: '',
  grantedBy: 'sub-holder',
  today: TODAY,
  now: NOW,
});

function codeViolation(code: string) {
  const v = validateLegalPerson({ ...input, creditCode: code }, NOW);
  expect(v).toHaveLength(1);
  expect(v[0]).toMatchObject({ path: 'creditCode' });
  return v[0]!;
}

describe('legal person validation', () => {
  it('accepts a valid registration and a lower-case credit code', () => {
    expect(validateLegalPerson(input, NOW)).toEqual([]);
    expect(validateLegalPerson({ ...input, creditCode: input.creditCode.toLowerCase() }, NOW)).toEqual([]);
  });

  it('rejects letters outside the GB 32100 alphabet (I, O, S, V, Z)', () => {
    const v = codeViolation(`91620321MO${input.creditCode.slice(10)}`);
    expect(v).toMatchObject({ reason: 'ALPHABET', message: expect.stringContaining('第10位“O”') });
  });

  it('rejects a wrong check character, naming the right one', () => {
    const right = creditCodeCheckCharacter(input.creditCode.slice(0, 17));
    const wrong = CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.indexOf(right) + 1) % 31];
    const v = codeViolation(input.creditCode.slice(0, 17) + wrong);
    expect(v).toMatchObject({ reason: 'CHECK_CHARACTER', message: expect.stringContaining(`校验码应为${right}`) });
  });

  it('rejects an organisation code whose own check character is wrong, even with a matching overall check', () => {
    const org = input.creditCode.slice(8, 16);
    const orgCheck = input.creditCode[16]!;
    const badOrgCheck = orgCheck === '1' ? '2' : '1';
    const first17 = `91620321${org}${badOrgCheck}`;
    const v = codeViolation(first17 + creditCodeCheckCharacter(first17));
    expect(v.reason).toBe('ORGANIZATION_CODE_CHECK');
  });

  it('rejects a wrong length and reports the representative ID number under its own path', () => {
    expect(codeViolation(input.creditCode.slice(1)).reason).toBe('LENGTH');
    const v = validateLegalPerson(
      { ...input, legalRepresentativeIdNumber: idNumber('123', '19900230'), name: '公' },
      NOW,
    );
    expect(v.map((x) => [x.path, x.reason])).toEqual([
      ['name', 'LENGTH'],
      ['legalRepresentativeIdNumber', 'BIRTH_DATE'],
    ]);
  });
});

describe('agent grants', () => {
  it('grants, and a new grant for the same agent replaces the active one (revoke + grant)', () => {
    const first = authorizeAgent(company(), grantInput('a'));
    expect(first.events.map((e) => e.type)).toEqual(['AgentAuthorized']);
    expect(first.legalPerson.version).toBe(2);
    const second = authorizeAgent(first.legalPerson, { ...grantInput('a', ['620321-RSJ']), grantId: 'g-a2' });
    expect(second.events.map((e) => [e.type, 'grant' in e ? e.grant.id : ''])).toEqual([
      ['AgentRevoked', 'g-a'],
      ['AgentAuthorized', 'g-a2'],
    ]);
    expect(second.legalPerson.agents.map((g) => [g.id, g.status])).toEqual([
      ['g-a', 'revoked'],
      ['g-a2', 'active'],
    ]);
    expect(second.legalPerson.agents[0]!.revokeReason).toBe(REPLACED_REASON);
  });

  it('keeps other agents untouched', () => {
    const a = authorizeAgent(company(), grantInput('a'));
    const b = authorizeAgent(a.legalPerson, grantInput('b'));
    expect(b.events.map((e) => e.type)).toEqual(['AgentAuthorized']);
    expect(b.legalPerson.agents.every((g) => g.status === 'active')).toBe(true);
  });

  it('refuses the holder as agent', () => {
    const lp = company();
    const err = (() => {
      try {
        authorizeAgent(lp, {
          ...grantInput('x'),
          agent: { personId: 'np-holder', name: '张三', subject: 'sub-holder' },
        });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).violations).toEqual([
      expect.objectContaining({ path: 'agentIdNumber', reason: 'AGENT_IS_HOLDER' }),
    ]);
  });

  it('requires all departments or at least one department or item, in valid codes, and no past end date', () => {
    const scope = (departments: string[], itemCodes: string[] = []) => ({
      allDepartments: false,
      departments,
      itemCodes,
    });
    expect(validateAgentGrant({ scope: scope([]), validUntil: '' }, TODAY)).toEqual([
      expect.objectContaining({ path: 'scope', reason: 'REQUIRED' }),
    ]);
    expect(validateAgentGrant({ scope: scope([], ['000172028000']), validUntil: '' }, TODAY)).toEqual([]);
    expect(validateAgentGrant({ scope: { ...scope([]), allDepartments: true }, validUntil: TODAY }, TODAY)).toEqual([]);
    const bad = validateAgentGrant(
      { scope: scope(['620321-scjg', '620321-SCJG'], ['12345']), validUntil: '2026-03-01' },
      TODAY,
    );
    expect(bad.map((v) => [v.path, v.reason])).toEqual([
      ['scope.departments.0', 'PATTERN'],
      ['scope.itemCodes.0', 'PATTERN'],
      ['validUntil', 'IN_THE_PAST'],
    ]);
    expect(validateAgentGrant({ scope: scope(['620321-SCJG']), validUntil: '2026-02-30' }, TODAY)[0]?.reason).toBe(
      'DATE',
    );
  });

  it('revokes once; revoking again changes nothing; an unknown grant is not found', () => {
    const granted = authorizeAgent(company(), grantInput('a')).legalPerson;
    const revoked = revokeAgent(granted, { grantId: 'g-a', reason: '离职', revokedBy: 'sub-holder', now: NOW });
    expect(revoked.events.map((e) => e.type)).toEqual(['AgentRevoked']);
    expect(revoked.grant).toMatchObject({ status: 'revoked', revokeReason: '离职', revokedBy: 'sub-holder' });
    const again = revokeAgent(revoked.legalPerson, { grantId: 'g-a', reason: '', revokedBy: 'sub-holder', now: NOW });
    expect(again.events).toEqual([]);
    expect(again.legalPerson.version).toBe(revoked.legalPerson.version);
    expect(() => revokeAgent(granted, { grantId: 'nope', reason: '', revokedBy: 'sub-holder', now: NOW })).toThrow(
      NotFoundError,
    );
  });
});
