import { ForbiddenError, ValidationError } from '@govhall/errors';
import { applicantSetup } from '../in-memory-applicants.test-double';
import { serviceAccount } from '../principals.test-double';

const DAY = 24 * 3600_000;

describe('checkActingAuthority', () => {
  it('allows the agent within the scope of their grant and names the grant', async () => {
    const { uc, company } = applicantSetup();
    const { agent, legalPerson, grant } = await company();
    await expect(
      uc.checkActingAuthority({ legalPersonId: legalPerson.id, department: '620321-SCJG' }, agent.token),
    ).resolves.toEqual({ allowed: true, grantId: grant.id, reason: '', message: '' });
  });

  it('answers OUTSIDE_SCOPE for another department, with a message for the applicant', async () => {
    const { uc, company } = applicantSetup();
    const { agent, legalPerson } = await company();
    const answer = await uc.checkActingAuthority(
      { legalPersonId: legalPerson.id, department: '620321-RSJ' },
      agent.token,
    );
    expect(answer).toMatchObject({
      allowed: false,
      reason: 'OUTSIDE_SCOPE',
      message: expect.stringContaining('620321-RSJ'),
    });
  });

  it('covers an item named in the scope, in any department', async () => {
    const { uc, company } = applicantSetup();
    const { holder, agent, legalPerson } = await company();
    const { grant } = await uc.authorizeAgent(
      {
        legalPersonId: legalPerson.id,
        agentIdNumber: agent.person.idNumber,
        scope: { allDepartments: false, departments: [], itemCodes: ['000172028000'] },
        validUntil: '',
      },
      holder.token,
    );
    const ask = (itemCode?: string) =>
      uc.checkActingAuthority({ legalPersonId: legalPerson.id, department: '620321-RSJ', itemCode }, agent.token);
    await expect(ask('000172028000')).resolves.toMatchObject({ allowed: true, grantId: grant.id });
    await expect(ask('000172029000')).resolves.toMatchObject({ allowed: false, reason: 'OUTSIDE_SCOPE' });
  });

  it('answers GRANT_REVOKED after the holder revokes, GRANT_EXPIRED after the end date, NO_GRANT for others', async () => {
    const { uc, company, advance } = applicantSetup();
    const { holder, agent, other, legalPerson, grant } = await company();
    const ask = (token: typeof agent.token) =>
      uc.checkActingAuthority({ legalPersonId: legalPerson.id, department: '620321-SCJG' }, token);
    await expect(ask(other.token)).resolves.toMatchObject({ allowed: false, reason: 'NO_GRANT' });

    advance(310 * DAY); // 2027-01-06, past the grant's last day 2026-12-31
    await expect(ask(agent.token)).resolves.toMatchObject({ allowed: false, reason: 'GRANT_EXPIRED' });

    await uc.revokeAgent({ legalPersonId: legalPerson.id, grantId: grant.id, reason: '' }, holder.token);
    await expect(ask(agent.token)).resolves.toMatchObject({ allowed: false, reason: 'GRANT_REVOKED' });
  });

  it('allows the holder as HOLDER', async () => {
    const { uc, company } = applicantSetup();
    const { holder, legalPerson } = await company();
    await expect(
      uc.checkActingAuthority({ legalPersonId: legalPerson.id, department: '620302-SCJG' }, holder.token),
    ).resolves.toMatchObject({ allowed: true, reason: 'HOLDER' });
  });

  it('lets a service account ask about an agent for a department of its own tenant only', async () => {
    const { uc, company, denials } = applicantSetup();
    const { agent, legalPerson, grant } = await company();
    const dept = serviceAccount('yc-scjg-system', '620321', '620321-SCJG');
    await expect(
      uc.checkActingAuthority(
        { legalPersonId: legalPerson.id, department: '620321-SCJG', agentSubject: agent.person.subject },
        dept,
      ),
    ).resolves.toMatchObject({ allowed: true, grantId: grant.id });

    denials.length = 0;
    const sibling = serviceAccount('jc-scjg-system', '620302', '620302-SCJG');
    await expect(
      uc.checkActingAuthority(
        { legalPersonId: legalPerson.id, department: '620321-SCJG', agentSubject: agent.person.subject },
        sibling,
      ),
    ).rejects.toMatchObject({ code: 'TENANT_OUT_OF_SCOPE' });
    expect(denials).toHaveLength(1);
    await expect(
      uc.checkActingAuthority({ legalPersonId: legalPerson.id, department: '620321-SCJG' }, dept),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('does not let a person ask about someone else', async () => {
    const { uc, company } = applicantSetup();
    const { agent, other, legalPerson } = await company();
    await expect(
      uc.checkActingAuthority(
        { legalPersonId: legalPerson.id, department: '620321-SCJG', agentSubject: agent.person.subject },
        other.token,
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('rejects a malformed department or item code', async () => {
    const { uc, company } = applicantSetup();
    const { agent, legalPerson } = await company();
    const err = await uc
      .checkActingAuthority({ legalPersonId: legalPerson.id, department: 'SCJG', itemCode: 'x' }, agent.token)
      .catch((e: unknown) => e);
    expect((err as ValidationError).violations.map((v) => v.path)).toEqual(['department', 'itemCode']);
  });
});
