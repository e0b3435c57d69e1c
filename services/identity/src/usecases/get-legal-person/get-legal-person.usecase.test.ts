import { ForbiddenError, NotFoundError, ValidationError } from '@govhall/errors';
import { maskIdNumber } from '@govhall/identifiers';
import { applicantSetup } from '../in-memory-applicants.test-double';
import { principal } from '../principals.test-double';

/** The company with a second agent (王五) so there is someone else's grant to hide. */
async function twoAgents() {
  const setup = applicantSetup();
  const c = await setup.company();
  await setup.uc.authorizeAgent(
    {
      legalPersonId: c.legalPerson.id,
      agentIdNumber: c.other.person.idNumber,
      scope: { allDepartments: true, departments: [], itemCodes: [] },
      validUntil: '',
    },
    c.holder.token,
  );
  return { ...setup, ...c };
}

describe('getLegalPerson', () => {
  it('shows the holder everything, the representative’s ID number in full', async () => {
    const { uc, holder, legalPerson } = await twoAgents();
    const seen = await uc.getLegalPerson(legalPerson.id, holder.token);
    expect(seen.agents).toHaveLength(2);
    expect(seen.legalRepresentativeIdNumber).toBe(holder.person.idNumber);
  });

  it('shows an agent only their own grant and the representative’s ID number masked', async () => {
    const { uc, holder, agent, legalPerson, grant } = await twoAgents();
    const seen = await uc.getLegalPerson(legalPerson.id, agent.token);
    expect(seen.agents.map((g) => g.id)).toEqual([grant.id]);
    expect(seen.legalRepresentativeIdNumber).toBe(maskIdNumber(holder.person.idNumber));
    expect(seen.legalRepresentativeIdNumber).not.toBe(holder.person.idNumber);
  });

  it('shows staff of the tenant and supervisors above it every grant, masked; refuses other tenants and people', async () => {
    const { uc, holder, legalPerson, denials } = await twoAgents();
    const clerk = await uc.getLegalPerson(
      legalPerson.id,
      principal('yc-clerk', '620321', ['window_clerk'], '620321-SCJG'),
    );
    expect(clerk.agents).toHaveLength(2);
    expect(clerk.legalRepresentativeIdNumber).toBe(maskIdNumber(holder.person.idNumber));
    await expect(
      uc.getLegalPerson(legalPerson.id, principal('city-sup', '620300', ['supervisor'])),
    ).resolves.toBeTruthy();

    denials.length = 0;
    await expect(
      uc.getLegalPerson(legalPerson.id, principal('jc-clerk', '620302', ['window_clerk'])),
    ).rejects.toMatchObject({
      code: 'LEGAL_PERSON_NOT_FOUND',
    });
    await expect(
      uc.getLegalPerson(legalPerson.id, principal('yc-fin', '620321', ['finance_reconciler'])),
    ).rejects.toMatchObject({ code: 'LEGAL_PERSON_NOT_FOUND' });
    expect(denials).toHaveLength(2);
  });

  it('hides it from a revoked agent and a registered stranger (404, as for one that does not exist)', async () => {
    const { uc, holder, agent, other, legalPerson, grant } = await twoAgents();
    await uc.revokeAgent({ legalPersonId: legalPerson.id, grantId: grant.id, reason: '' }, holder.token);
    const absent = await uc.getLegalPerson('00000000-0000-4000-8000-999999999999', agent.token).catch((e) => e);
    expect(absent).toBeInstanceOf(NotFoundError);
    await expect(uc.getLegalPerson(legalPerson.id, agent.token)).rejects.toEqual(absent);
    const stranger = { ...other.token, subject: 'sub-stranger' };
    await expect(uc.getLegalPerson(legalPerson.id, stranger)).rejects.toEqual(absent);
  });

  it('lets only the holder write: an agent who sees it is refused (403), a stranger finds nothing (404)', async () => {
    const { uc, other, legalPerson, grant } = await twoAgents();
    const revoke = (actor: typeof other.token) =>
      uc.revokeAgent({ legalPersonId: legalPerson.id, grantId: grant.id, reason: '' }, actor);
    await expect(revoke(other.token)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(revoke({ ...other.token, subject: 'sub-stranger' })).rejects.toMatchObject({
      code: 'LEGAL_PERSON_NOT_FOUND',
    });
  });

  it('rejects a malformed id and reports an unknown one', async () => {
    const { uc, holder } = await twoAgents();
    await expect(uc.getLegalPerson('x', holder.token)).rejects.toBeInstanceOf(ValidationError);
    await expect(uc.getLegalPerson('00000000-0000-4000-8000-999999999999', holder.token)).rejects.toMatchObject({
      code: 'LEGAL_PERSON_NOT_FOUND',
    });
  });
});
