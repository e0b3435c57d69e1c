import { ForbiddenError } from '@govhall/errors';
import { applicantSetup } from '../in-memory-applicants.test-double';

describe('revokeAgent', () => {
  it('revokes the grant with who, when and why, and records AgentRevoked once', async () => {
    const { uc, company, legalPersons, clock } = applicantSetup();
    const { holder, legalPerson, grant } = await company();
    const revoked = await uc.revokeAgent(
      { legalPersonId: legalPerson.id, grantId: grant.id, reason: '已离职' },
      holder.token,
    );
    expect(revoked.agents[0]).toMatchObject({
      status: 'revoked',
      revokedBy: holder.person.subject,
      revokeReason: '已离职',
      revokedAt: clock.now(),
    });
    await uc.revokeAgent({ legalPersonId: legalPerson.id, grantId: grant.id, reason: '' }, holder.token);
    expect(legalPersons.events.filter((e) => e.type === 'AgentRevoked')).toHaveLength(1);
  });

  it('lets only the holder revoke and reports an unknown grant', async () => {
    const { uc, company } = applicantSetup();
    const { holder, agent, legalPerson, grant } = await company();
    await expect(
      uc.revokeAgent({ legalPersonId: legalPerson.id, grantId: grant.id, reason: '' }, agent.token),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      uc.revokeAgent({ legalPersonId: legalPerson.id, grantId: 'no-such-grant', reason: '' }, holder.token),
    ).rejects.toMatchObject({ code: 'GRANT_NOT_FOUND' });
  });
});
