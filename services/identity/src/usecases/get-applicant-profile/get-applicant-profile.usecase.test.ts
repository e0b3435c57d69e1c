import { NotFoundError } from '@govhall/errors';
import { maskIdNumber } from '@govhall/identifiers';
import { applicantSetup } from '../in-memory-applicants.test-double';
import { principal } from '../principals.test-double';

describe('getApplicantProfile', () => {
  it('gives the holder their own record in full and the legal persons they hold', async () => {
    const { uc, company } = applicantSetup();
    const { holder, legalPerson } = await company();
    const profile = await uc.getApplicantProfile(holder.token);
    expect(profile.person).toMatchObject({ id: holder.person.id, idNumber: holder.person.idNumber });
    expect(profile.heldLegalPersons.map((l) => l.id)).toEqual([legalPerson.id]);
    expect(profile.agentFor).toEqual([]);
  });

  it('gives an agent the legal persons they act for, with only their own grant and masked numbers', async () => {
    const { uc, company } = applicantSetup();
    const { holder, agent, other, legalPerson, grant } = await company();
    await uc.authorizeAgent(
      {
        legalPersonId: legalPerson.id,
        agentIdNumber: other.person.idNumber,
        scope: { allDepartments: true, departments: [], itemCodes: [] },
        validUntil: '',
      },
      holder.token,
    );
    const profile = await uc.getApplicantProfile(agent.token);
    expect(profile.heldLegalPersons).toEqual([]);
    expect(profile.agentFor).toHaveLength(1);
    expect(profile.agentFor[0]!.agents.map((g) => g.id)).toEqual([grant.id]);
    expect(profile.agentFor[0]!.legalRepresentativeIdNumber).toBe(maskIdNumber(holder.person.idNumber));
  });

  it('drops legal persons whose grant was revoked or has expired', async () => {
    const { uc, company, advance } = applicantSetup();
    const { holder, agent, other, legalPerson } = await company();
    await uc.authorizeAgent(
      {
        legalPersonId: legalPerson.id,
        agentIdNumber: other.person.idNumber,
        scope: { allDepartments: true, departments: [], itemCodes: [] },
        validUntil: '2026-03-02',
      },
      holder.token,
    );
    const revoked = (await uc.getApplicantProfile(agent.token)).agentFor[0]!.agents[0]!;
    await uc.revokeAgent({ legalPersonId: legalPerson.id, grantId: revoked.id, reason: '' }, holder.token);
    expect((await uc.getApplicantProfile(agent.token)).agentFor).toEqual([]);
    expect((await uc.getApplicantProfile(other.token)).agentFor).toHaveLength(1);
    advance(24 * 3600_000);
    expect((await uc.getApplicantProfile(other.token)).agentFor).toEqual([]);
  });

  it('is not found for someone who is not a registered applicant', async () => {
    const { uc } = applicantSetup();
    await expect(uc.getApplicantProfile(principal('yc-clerk', '620321', ['window_clerk']))).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
