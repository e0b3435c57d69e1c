import { ForbiddenError, NotFoundError, UnavailableError, ValidationError } from '@govhall/errors';
import { applicantSetup, idNumber } from '../in-memory-applicants.test-double';

const scope = { allDepartments: false, departments: ['620321-RSJ'], itemCodes: ['000172028000'] };

describe('authorizeAgent', () => {
  it('grants a registered person and records AgentAuthorized', async () => {
    const { company, legalPersons } = applicantSetup();
    const { agent, legalPerson, grant } = await company();
    expect(grant).toMatchObject({
      agentPersonId: agent.person.id,
      agentName: '李四',
      agentSubject: agent.person.subject,
      status: 'active',
      validUntil: '2026-12-31',
      scope: { allDepartments: false, departments: ['620321-SCJG'], itemCodes: [] },
    });
    expect(legalPersons.rows.get(legalPerson.id)?.agents).toHaveLength(1);
    expect(legalPersons.events.map((e) => e.type)).toEqual(['LegalPersonRegistered', 'AgentAuthorized']);
  });

  it('replaces an agent’s active grant with the new one', async () => {
    const { uc, company, legalPersons } = applicantSetup();
    const { holder, agent, legalPerson, grant } = await company();
    const second = await uc.authorizeAgent(
      { legalPersonId: legalPerson.id, agentIdNumber: agent.person.idNumber, scope, validUntil: '' },
      holder.token,
    );
    expect(second.legalPerson.agents.map((g) => [g.id, g.status])).toEqual([
      [grant.id, 'revoked'],
      [second.grant.id, 'active'],
    ]);
    expect(legalPersons.events.slice(-2).map((e) => e.type)).toEqual(['AgentRevoked', 'AgentAuthorized']);
  });

  it('names only departments seated in the legal person’s tenant: another tenant’s or an unknown one is refused', async () => {
    const { uc, company, legalPersons } = applicantSetup();
    const { holder, other, legalPerson } = await company();
    const before = legalPersons.events.length;
    const err = await uc
      .authorizeAgent(
        {
          legalPersonId: legalPerson.id,
          agentIdNumber: other.person.idNumber,
          // 620302-SCJG is seated, but in 金川区; 620321-XYJ has the right shape but no department of that code.
          scope: { allDepartments: false, departments: ['620321-SCJG', '620302-SCJG', '620321-XYJ'], itemCodes: [] },
          validUntil: '',
        },
        holder.token,
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).violations.map((v) => [v.path, v.reason])).toEqual([
      ['scope.departments.1', 'UNKNOWN_DEPARTMENT'],
      ['scope.departments.2', 'UNKNOWN_DEPARTMENT'],
    ]);
    expect((err as ValidationError).violations[0]!.message).toContain('没有进驻部门“620302-SCJG”');
    expect(legalPersons.events).toHaveLength(before);
    expect(legalPersons.rows.get(legalPerson.id)?.agents.map((g) => g.agentPersonId)).not.toContain(other.person.id);
  });

  it('names only items the catalogue publishes in the legal person’s tenant: unknown or another tenant’s are refused', async () => {
    const { uc, company, legalPersons, itemCatalogue } = applicantSetup();
    const { holder, other, legalPerson } = await company();
    const before = legalPersons.events.length;
    const err = await uc
      .authorizeAgent(
        {
          legalPersonId: legalPerson.id,
          agentIdNumber: other.person.idNumber,
          // 000117006000 is published in 永昌县; 000125019000 only in 金川区; 000199999000 nowhere.
          scope: {
            allDepartments: false,
            departments: ['620321-SCJG'],
            itemCodes: ['000117006000', '000125019000', '000199999000'],
          },
          validUntil: '',
        },
        holder.token,
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).violations.map((v) => [v.path, v.reason])).toEqual([
      ['scope.itemCodes.1', 'UNKNOWN_ITEM'],
      ['scope.itemCodes.2', 'UNKNOWN_ITEM'],
    ]);
    expect((err as ValidationError).violations[0]!.message).toContain('没有发布基本编码为“000125019000”的事项');
    expect(itemCatalogue.asked.at(-1)).toEqual({
      tenant: '620321',
      basicCodes: ['000117006000', '000125019000', '000199999000'],
    });
    expect(legalPersons.events).toHaveLength(before);
    expect(legalPersons.rows.get(legalPerson.id)?.agents.map((g) => g.agentPersonId)).not.toContain(other.person.id);
  });

  it('reports unknown departments and unknown items together', async () => {
    const { uc, company } = applicantSetup();
    const { holder, other, legalPerson } = await company();
    const err = await uc
      .authorizeAgent(
        {
          legalPersonId: legalPerson.id,
          agentIdNumber: other.person.idNumber,
          scope: { allDepartments: false, departments: ['620302-SCJG'], itemCodes: ['000125019000'] },
          validUntil: '',
        },
        holder.token,
      )
      .catch((e: unknown) => e);
    expect((err as ValidationError).violations.map((v) => [v.path, v.reason])).toEqual([
      ['scope.departments.0', 'UNKNOWN_DEPARTMENT'],
      ['scope.itemCodes.0', 'UNKNOWN_ITEM'],
    ]);
  });

  it('grants a published item of the tenant, and does not ask the catalogue for department-only or all-department grants', async () => {
    const { uc, company, itemCatalogue } = applicantSetup();
    const { holder, other, legalPerson } = await company();
    expect(itemCatalogue.asked).toHaveLength(0);
    const { grant } = await uc.authorizeAgent(
      {
        legalPersonId: legalPerson.id,
        agentIdNumber: other.person.idNumber,
        scope: { allDepartments: false, departments: [], itemCodes: ['000117006000'] },
        validUntil: '',
      },
      holder.token,
    );
    expect(grant.scope).toEqual({ allDepartments: false, departments: [], itemCodes: ['000117006000'] });
    itemCatalogue.down = true;
    const all = await uc.authorizeAgent(
      {
        legalPersonId: legalPerson.id,
        agentIdNumber: other.person.idNumber,
        // "All departments" makes item codes meaningless: they are dropped, not checked.
        scope: { allDepartments: true, departments: [], itemCodes: ['000199999000'] },
        validUntil: '',
      },
      holder.token,
    );
    expect(all.grant.scope).toEqual({ allDepartments: true, departments: [], itemCodes: [] });
    expect(itemCatalogue.asked).toHaveLength(1);
  });

  it('refuses as unavailable, storing nothing, while the catalogue cannot answer', async () => {
    const { uc, company, legalPersons, itemCatalogue } = applicantSetup();
    const { holder, other, legalPerson } = await company();
    const before = legalPersons.rows.get(legalPerson.id);
    const eventsBefore = legalPersons.events.length;
    itemCatalogue.down = true;
    const err = await uc
      .authorizeAgent(
        {
          legalPersonId: legalPerson.id,
          agentIdNumber: other.person.idNumber,
          scope: { allDepartments: false, departments: [], itemCodes: ['000117006000'] },
          validUntil: '',
        },
        holder.token,
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnavailableError);
    expect(err).toMatchObject({ code: 'CATALOGUE_UNAVAILABLE', message: '暂时无法核对事项目录，请稍后再试' });
    expect(legalPersons.rows.get(legalPerson.id)).toEqual(before);
    expect(legalPersons.events).toHaveLength(eventsBefore);
  });

  it('lets only the holder authorise, and logs the refusal', async () => {
    const { uc, company, denials } = applicantSetup();
    const { agent, other, legalPerson } = await company();
    denials.length = 0;
    const attempt = { legalPersonId: legalPerson.id, agentIdNumber: other.person.idNumber, scope, validUntil: '' };
    await expect(uc.authorizeAgent(attempt, agent.token)).rejects.toBeInstanceOf(ForbiddenError);
    expect(denials).toHaveLength(1);
  });

  it('finds the agent only among registered persons', async () => {
    const { uc, company } = applicantSetup();
    const { holder, legalPerson } = await company();
    const attempt = { legalPersonId: legalPerson.id, agentIdNumber: idNumber('999'), scope, validUntil: '' };
    await expect(uc.authorizeAgent(attempt, holder.token)).rejects.toMatchObject({ code: 'AGENT_NOT_FOUND' });
    await expect(
      uc.authorizeAgent({ ...attempt, legalPersonId: '00000000-0000-4000-8000-999999999999' }, holder.token),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses the holder as agent, an empty scope, a past end date and a bad ID number, changing nothing', async () => {
    const { uc, company, legalPersons } = applicantSetup();
    const { holder, legalPerson } = await company();
    const before = legalPersons.rows.get(legalPerson.id);
    const self = uc.authorizeAgent(
      { legalPersonId: legalPerson.id, agentIdNumber: holder.person.idNumber, scope, validUntil: '' },
      holder.token,
    );
    await expect(self).rejects.toMatchObject({ violations: [expect.objectContaining({ reason: 'AGENT_IS_HOLDER' })] });
    const err = await uc
      .authorizeAgent(
        {
          legalPersonId: legalPerson.id,
          agentIdNumber: '62032119900307123',
          scope: { allDepartments: false, departments: [], itemCodes: [] },
          validUntil: '2026-03-01',
        },
        holder.token,
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).violations.map((v) => [v.path, v.reason])).toEqual([
      ['agentIdNumber', 'LENGTH'],
      ['scope', 'REQUIRED'],
      ['validUntil', 'IN_THE_PAST'],
    ]);
    expect(legalPersons.rows.get(legalPerson.id)).toEqual(before);
  });
});
