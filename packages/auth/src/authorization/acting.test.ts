import { decideActing, type AgentGrantFacts } from './acting';

function grant(overrides: Partial<AgentGrantFacts> & { id: string }): AgentGrantFacts {
  return {
    agentSubject: 'agent-1',
    status: 'active',
    scope: { allDepartments: false, departments: [], itemCodes: [] },
    ...overrides,
  };
}

const TODAY = '2026-03-15';
const SCJG = { department: '620321-SCJG', today: TODAY };

describe('decideActing', () => {
  it('allows an active grant for all departments', () => {
    const grants = [grant({ id: 'g1', scope: { allDepartments: true, departments: [], itemCodes: [] } })];
    expect(decideActing(grants, 'agent-1', SCJG)).toEqual({ allowed: true, grantId: 'g1' });
  });

  it('allows a grant naming the department or the item', () => {
    const byDepartment = grant({
      id: 'g1',
      scope: { allDepartments: false, departments: ['620321-SCJG'], itemCodes: [] },
    });
    const byItem = grant({ id: 'g2', scope: { allDepartments: false, departments: [], itemCodes: ['000101001000'] } });
    expect(decideActing([byDepartment], 'agent-1', SCJG)).toEqual({ allowed: true, grantId: 'g1' });
    expect(decideActing([byItem], 'agent-1', { ...SCJG, itemCode: '000101001000' })).toEqual({
      allowed: true,
      grantId: 'g2',
    });
  });

  it('counts the last valid day as valid', () => {
    const lastDay = grant({
      id: 'g1',
      validUntil: TODAY,
      scope: { allDepartments: true, departments: [], itemCodes: [] },
    });
    expect(decideActing([lastDay], 'agent-1', SCJG)).toMatchObject({ allowed: true });
  });

  it('says NO_GRANT when the agent holds none (grants of other agents do not count)', () => {
    const other = grant({
      id: 'g1',
      agentSubject: 'agent-2',
      scope: { allDepartments: true, departments: [], itemCodes: [] },
    });
    expect(decideActing([other], 'agent-1', SCJG)).toMatchObject({ allowed: false, reason: 'NO_GRANT' });
    expect(decideActing([], 'agent-1', SCJG)).toMatchObject({ allowed: false, reason: 'NO_GRANT' });
  });

  it('says GRANT_REVOKED when every grant is revoked', () => {
    const revoked = grant({
      id: 'g1',
      status: 'revoked',
      scope: { allDepartments: true, departments: [], itemCodes: [] },
    });
    expect(decideActing([revoked], 'agent-1', SCJG)).toEqual({
      allowed: false,
      reason: 'GRANT_REVOKED',
      message: '该单位已撤销您的经办授权，不能以该单位名义办理',
    });
  });

  it('says GRANT_EXPIRED when the active grants ended before today', () => {
    const expired = grant({
      id: 'g1',
      validUntil: '2026-03-14',
      scope: { allDepartments: true, departments: [], itemCodes: [] },
    });
    const revoked = grant({ id: 'g2', status: 'revoked' });
    expect(decideActing([expired, revoked], 'agent-1', SCJG)).toEqual({
      allowed: false,
      reason: 'GRANT_EXPIRED',
      message: '您的经办授权已过期，请联系该单位重新授权',
    });
  });

  it('says OUTSIDE_SCOPE when current grants cover neither the department nor the item', () => {
    const other = grant({
      id: 'g1',
      scope: { allDepartments: false, departments: ['620321-GTZY'], itemCodes: ['X1'] },
    });
    expect(decideActing([other], 'agent-1', { ...SCJG, itemCode: '000101001000' })).toEqual({
      allowed: false,
      reason: 'OUTSIDE_SCOPE',
      message: '您的经办授权不包含该部门（620321-SCJG）或该事项（000101001000），不能以该单位名义办理',
    });
  });

  it('picks a covering grant among several and skips expired or revoked ones that would cover', () => {
    const all = { allDepartments: true, departments: [], itemCodes: [] };
    const grants = [
      grant({ id: 'old', validUntil: '2025-12-31', scope: all }),
      grant({ id: 'gone', status: 'revoked', scope: all }),
      grant({ id: 'narrow', scope: { allDepartments: false, departments: ['620321-GTZY'], itemCodes: [] } }),
      grant({ id: 'right', scope: { allDepartments: false, departments: ['620321-SCJG'], itemCodes: [] } }),
    ];
    expect(decideActing(grants, 'agent-1', SCJG)).toEqual({ allowed: true, grantId: 'right' });
    expect(decideActing(grants.slice(0, 3), 'agent-1', SCJG)).toMatchObject({ reason: 'OUTSIDE_SCOPE' });
  });
});
