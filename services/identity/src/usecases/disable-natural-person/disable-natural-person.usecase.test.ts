import { ConflictError, ForbiddenError, NotFoundError, PreconditionError, ValidationError } from '@govhall/errors';
import { maskIdNumber } from '@govhall/identifiers';
import { applicantSetup, creditCode } from '../in-memory-applicants.test-double';
import { principal, serviceAccount } from '../principals.test-double';

const admin = principal('yc-admin', '620321', ['center_admin']);
const REASON = '冒用他人身份注册';

async function setup() {
  const s = applicantSetup();
  const person = await s.register('赵六', '456');
  const bystander = await s.register('孙七', '567', '13612345678');
  return { ...s, person, bystander };
}

/** Every record and event as they stand, to show a refusal changed nothing. */
function snapshot(s: Awaited<ReturnType<typeof setup>>) {
  return structuredClone({
    persons: [...s.naturalPersons.rows.values()],
    events: s.naturalPersons.events.length,
    logins: [...s.directory.users.values()].map((u) => [u.id, u.enabled]),
  });
}

describe('disableNaturalPerson', () => {
  it('disables the Keycloak login, then the record with reason and time, and publishes NaturalPersonDisabled once', async () => {
    const s = await setup();
    const done = await s.uc.disableNaturalPerson({ personId: s.person.person.id, reason: ` ${REASON} ` }, admin);
    expect(done).toMatchObject({
      id: s.person.person.id,
      status: 'disabled',
      disabledReason: REASON,
      disabledAt: s.clock.now(),
      version: s.person.person.version + 1,
      // The administrator sees the staff view: ID number and phone masked.
      idNumber: maskIdNumber(s.person.person.idNumber),
      phone: '138****5678',
    });
    expect(s.directory.users.get(s.person.person.subject!)!.enabled).toBe(false);
    expect(s.directory.users.get(s.bystander.person.subject!)!.enabled).toBe(true);
    const stored = await s.naturalPersons.findById(s.person.person.id);
    expect(stored).toMatchObject({ status: 'disabled', idNumber: s.person.person.idNumber, phone: '13812345678' });

    // A repeat answers the same record and changes nothing.
    s.advance(60_000);
    const again = await s.uc.disableNaturalPerson({ personId: s.person.person.id, reason: '另一个原因' }, admin);
    expect(again).toEqual(done);
    expect(s.naturalPersons.events.map((e) => e.type)).toEqual([
      'NaturalPersonRegistered',
      'NaturalPersonRegistered',
      'NaturalPersonDisabled',
    ]);
  });

  it.each([
    ['blank', '   '],
    ['invisible only', '\u200b\u200b\u200b'],
    ['a bidi override', '冒用\u202e他人身份'],
    ['a control character', '冒用\u0007他人'],
    ['too short', '冒'],
    ['too long', '冒'.repeat(201)],
  ])('refuses a reason that is %s at path reason, and changes nothing', async (_what, reason) => {
    const s = await setup();
    const before = snapshot(s);
    const err = await s.uc.disableNaturalPerson({ personId: s.person.person.id, reason }, admin).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).violations).toEqual([expect.objectContaining({ path: 'reason' })]);
    expect(snapshot(s)).toEqual(before);
  });

  it('answers NATURAL_PERSON_NOT_FOUND for an unknown id and for a person the caller may not see', async () => {
    const s = await setup();
    const before = snapshot(s);
    const notFound = { code: 'NATURAL_PERSON_NOT_FOUND' };
    await expect(
      s.uc.disableNaturalPerson({ personId: '00000000-0000-4000-8000-999999999999', reason: REASON }, admin),
    ).rejects.toMatchObject(notFound);
    for (const outsider of [
      principal('jc-admin', '620302', ['center_admin']), // a sibling tenant's administrator
      principal('city-admin', '620300', ['center_admin']), // the city above: reads, does not write
      principal('yc-ops', '620321', ['ops_admin']), // operations does not read applicants
      principal('yc-finance', '620321', ['finance_reconciler']),
      s.bystander.token, // another applicant
    ]) {
      const err = await s.uc
        .disableNaturalPerson({ personId: s.person.person.id, reason: REASON }, outsider)
        .catch((e: unknown) => e);
      // The city administrator reads 620321 (vertical supervision), so it is told it may not write there.
      if (outsider.username === 'city-admin') expect(err).toMatchObject({ code: 'TENANT_OUT_OF_SCOPE' });
      else expect(err).toEqual(expect.objectContaining(notFound));
      expect(err).toBeInstanceOf(outsider.username === 'city-admin' ? ForbiddenError : NotFoundError);
    }
    expect(snapshot(s)).toEqual(before);
  });

  it('refuses staff of the tenant who read applicants but may not disable them (ROLE_REQUIRED), and service accounts', async () => {
    const s = await setup();
    const before = snapshot(s);
    for (const reader of [
      principal('yc-clerk', '620321', ['window_clerk'], '620321-SCJG'),
      principal('yc-sup', '620321', ['supervisor']),
      serviceAccount('scjg-system', '620321', '620321-SCJG'),
    ]) {
      await expect(
        s.uc.disableNaturalPerson({ personId: s.person.person.id, reason: REASON }, reader),
      ).rejects.toMatchObject({ code: 'ROLE_REQUIRED' });
    }
    expect(snapshot(s)).toEqual(before);
  });

  it('leaves the record as it was when Keycloak is unreachable, and a retry completes it', async () => {
    const s = await setup();
    s.directory.down = true;
    await expect(
      s.uc.disableNaturalPerson({ personId: s.person.person.id, reason: REASON }, admin),
    ).rejects.toMatchObject({ code: 'DIRECTORY_UNAVAILABLE' });
    expect(await s.naturalPersons.findById(s.person.person.id)).toMatchObject({ status: 'active' });
    s.directory.down = false;
    await expect(
      s.uc.disableNaturalPerson({ personId: s.person.person.id, reason: REASON }, admin),
    ).resolves.toMatchObject({ status: 'disabled' });
  });

  it('refuses a registration still provisioning (NATURAL_PERSON_NOT_ACTIVE)', async () => {
    const s = await setup();
    const row = s.naturalPersons.rows.get(s.person.person.id)!;
    s.naturalPersons.rows.set(row.id, { ...row, status: 'provisioning', subject: undefined });
    const err = await s.uc.disableNaturalPerson({ personId: row.id, reason: REASON }, admin).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PreconditionError);
    expect(err).toMatchObject({ code: 'NATURAL_PERSON_NOT_ACTIVE' });
  });
});

describe('a disabled natural person', () => {
  async function disabledAgent() {
    const s = applicantSetup();
    const c = await s.company();
    const disable = (who: { person: { id: string } }) =>
      s.uc.disableNaturalPerson({ personId: who.person.id, reason: REASON }, admin);
    return { ...s, ...c, disable };
  }

  it('acts for no legal person: neither as agent nor as holder (ACCOUNT_DISABLED), asked by them or a department system', async () => {
    const s = await disabledAgent();
    const system = serviceAccount('scjg-system', '620321', '620321-SCJG');
    const ask = (subject: string) =>
      s.uc.checkActingAuthority(
        { legalPersonId: s.legalPerson.id, department: '620321-SCJG', agentSubject: subject },
        system,
      );
    await expect(ask(s.agent.person.subject!)).resolves.toMatchObject({ allowed: true, grantId: s.grant.id });
    await expect(ask(s.holder.person.subject!)).resolves.toMatchObject({ allowed: true, reason: 'HOLDER' });

    await s.disable(s.agent);
    await s.disable(s.holder);
    for (const subject of [s.agent.person.subject!, s.holder.person.subject!]) {
      await expect(ask(subject)).resolves.toEqual({
        allowed: false,
        grantId: '',
        reason: 'ACCOUNT_DISABLED',
        message: expect.stringContaining('停用'),
      });
    }
    await expect(
      s.uc.checkActingAuthority({ legalPersonId: s.legalPerson.id, department: '620321-SCJG' }, s.agent.token),
    ).resolves.toMatchObject({ allowed: false, reason: 'ACCOUNT_DISABLED' });
    // The reason why not stays the grant's own when the grant would not allow it anyway.
    await expect(
      s.uc.checkActingAuthority(
        { legalPersonId: s.legalPerson.id, department: '620321-RSJ', agentSubject: s.agent.person.subject! },
        system,
      ),
    ).resolves.toMatchObject({ allowed: false, reason: 'OUTSIDE_SCOPE' });
  });

  it('cannot be made an agent, cannot register a legal person, and cannot revive the record by registering again', async () => {
    const s = await disabledAgent();
    await s.disable(s.other);
    await expect(
      s.uc.authorizeAgent(
        {
          legalPersonId: s.legalPerson.id,
          agentIdNumber: s.other.person.idNumber,
          scope: { allDepartments: true, departments: [], itemCodes: [] },
          validUntil: '',
        },
        s.holder.token,
      ),
    ).rejects.toMatchObject({ code: 'AGENT_NOT_FOUND' });

    await s.disable(s.holder);
    const err = await s.uc
      .registerLegalPerson(
        {
          tenant: '620321',
          name: '永昌县第二农产品有限公司',
          creditCode: creditCode('MA71234Q'),
          legalRepresentativeName: '张三',
          legalRepresentativeIdNumber: s.holder.person.idNumber,
        },
        s.holder.token,
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ForbiddenError);
    expect(err).toMatchObject({ code: 'ACCOUNT_DISABLED' });

    const events = s.naturalPersons.events.length;
    const again = await s.uc
      .registerNaturalPerson({
        tenant: '620321',
        name: '张三',
        idNumber: s.holder.person.idNumber,
        phone: '13812345678',
        password: 'Apply2026',
      })
      .catch((e: unknown) => e);
    expect(again).toBeInstanceOf(ConflictError);
    expect(again).toMatchObject({ code: 'PERSON_EXISTS' });
    expect(await s.naturalPersons.findById(s.holder.person.id)).toMatchObject({ status: 'disabled' });
    expect(s.naturalPersons.events).toHaveLength(events);
  });

  it('has no profile (GetMyProfile answers APPLICANT_NOT_FOUND)', async () => {
    const s = await disabledAgent();
    await s.disable(s.agent);
    await expect(s.uc.getApplicantProfile(s.agent.token)).rejects.toMatchObject({ code: 'APPLICANT_NOT_FOUND' });
  });
});
