import {
  creditCodeCheckCharacter,
  organizationCodeCheckCharacter,
  residentIdCheckCharacter,
} from '@govhall/identifiers';
import { MongoClient, newCreditCode, newResidentIdNumber, stack, userToken } from '@govhall/testing';
import { apiClient, expectProblem, unique, type Reply } from './e2e-http';
import { startIdentityStack, type IdentityStack } from './identity-stack';

// Issue 3's "done when", driven through the gateway as portals and workbenches drive it: real Keycloak logins,
// identity and the gateway as their own processes, the real database.
let s: IdentityStack;
let mongo: MongoClient;

beforeAll(async () => {
  s = await startIdentityStack();
  mongo = await MongoClient.connect(stack.mongoUri);
}, 120_000);

afterAll(async () => {
  await s?.stop();
  await mongo?.close();
});

const api = apiClient(() => `${s.gatewayUrl}/api/v1/identity`);

const count = (collection: string) => mongo.db(s.identityDb).collection(collection).countDocuments();

/** Registers a natural person through the public route and logs them in. */
async function registerPerson(name: string, tenant = '620321') {
  const idNumber = newResidentIdNumber(tenant);
  const password = `Pw${unique()}2026`;
  const reply = await api('POST', '/natural-persons', {
    body: { tenant, name, idNumber, phone: '13909351234', password },
  });
  expect(reply.status).toBe(201);
  const token = await userToken(idNumber, { password });
  return { id: reply.body.id as string, idNumber, password, token };
}

/** A member of staff created by a center administrator, with a permanent password, logged in. */
async function createStaff(adminToken: string, body: Record<string, unknown>) {
  const username = `e-${unique()}-${String(body.roles && (body.roles as string[])[0]).replace(/_/g, '')}`.slice(0, 40);
  const password = `Pw${unique()}2026`;
  const reply = await api('POST', '/staff', {
    token: adminToken,
    body: {
      displayName: '测试人员',
      phone: '13909359999',
      initialPassword: password,
      permanentPassword: true,
      username,
      ...body,
    },
  });
  expect(reply.status).toBe(201);
  expect(reply.body.status).toBe('active');
  return { id: reply.body.id as string, username, token: () => userToken(username, { password }) };
}

function fieldErrors(reply: Reply): { path: string; reason?: string; message: string }[] {
  expectProblem(reply, 400);
  return reply.body.errors;
}

describe('public center information', () => {
  it('lists tenants and a center’s departments without a token', async () => {
    const roots = await api('GET', '/tenants');
    expect(roots.status).toBe(200);
    expect(roots.body.tenants.map((t: { code: string }) => t.code)).toEqual(
      expect.arrayContaining(['620100', '620300']),
    );
    const children = await api('GET', '/tenants?parentCode=620300');
    expect(children.body.tenants.map((t: { code: string; level: string }) => [t.code, t.level])).toEqual([
      ['620302', 'district'],
      ['620321', 'county'],
    ]);
    const yongchang = await api('GET', '/tenants/620321');
    expect(yongchang.body).toMatchObject({ name: '永昌县', center: { name: '永昌县政务服务中心' } });
    const departments = await api('GET', '/tenants/620321/departments');
    expect(departments.body.departments.map((d: { code: string }) => d.code)).toContain('620321-SCJG');
  });
});

describe('natural persons', () => {
  it('register with a valid ID number, log in, and see their own profile', async () => {
    const person = await registerPerson('赵小明');
    const me = await api('GET', '/me', { token: person.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ kind: 'natural-person', person: { name: '赵小明', idNumber: person.idNumber } });
    expect(me.body.person.verification).toMatchObject({ method: 'format-only' });
    expect(me.body.person.verification.note).toContain('未与公安人口库');
  });

  it.each([
    ['wrong check character', (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0'), 'CHECK_CHARACTER'],
    ['impossible birth date', () => withCheck('62032119900230123'), 'BIRTH_DATE'],
    // The length and the alphabet are the documented pattern: the edge answers them (PATTERN, Chinese message).
    ['wrong length', (id: string) => id.slice(0, 17), 'PATTERN'],
    ['letters', (id: string) => `${id.slice(0, 10)}AB${id.slice(12)}`, 'PATTERN'],
  ])(
    'refuses an ID number with a %s: 400 naming the field and the reason, nothing stored',
    async (_, mutate, reason) => {
      const before = await count('natural_persons');
      const idNumber = mutate(newResidentIdNumber());
      const reply = await api('POST', '/natural-persons', {
        body: { tenant: '620321', name: '钱小红', idNumber, phone: '13909351234', password: 'Start2026x' },
      });
      expect(fieldErrors(reply)).toEqual([expect.objectContaining({ path: 'idNumber', reason })]);
      expect(await count('natural_persons')).toBe(before);
    },
  );
});

describe('edge input', () => {
  /**
   * A valid ID number that a JSON number carries exactly and that prints back to the same digits (it ends in 000:
   * sequence x00, check character 0), so a gateway that coerced bodies would store it.
   */
  function idNumberSurvivingAsNumber(): string {
    for (;;) {
      const birth = new Date(Date.UTC(1950 + Math.floor(Math.random() * 50), 0, 1 + Math.floor(Math.random() * 365)));
      const first17 = `620321${birth.toISOString().slice(0, 10).replace(/-/g, '')}${1 + Math.floor(Math.random() * 9)}00`;
      const id = withCheck(first17);
      if (id.endsWith('0') && String(Number(id)) === id) return id;
    }
  }

  it('refuses an ID number sent as a JSON number: 400 TYPE at idNumber, nothing stored', async () => {
    const idNumber = idNumberSurvivingAsNumber();
    const before = await count('natural_persons');
    const res = await fetch(`${s.gatewayUrl}/api/v1/identity/natural-persons`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // The number as a JSON literal, digit for digit.
      body: `{"tenant":"620321","name":"孙小青","idNumber":${idNumber},"phone":"13909351234","password":"Start2026x"}`,
    });
    const reply = { status: res.status, contentType: res.headers.get('content-type') ?? '', body: await res.json() };
    expect(fieldErrors(reply as Reply)).toEqual([expect.objectContaining({ path: 'idNumber', reason: 'TYPE' })]);
    expect(await count('natural_persons')).toBe(before);
    // The same person sent as text registers: the refusal was about the type only.
    const text = await api('POST', '/natural-persons', {
      body: { tenant: '620321', name: '孙小青', idNumber, phone: '13909351234', password: 'Start2026x' },
    });
    expect(text.status).toBe(201);
  });

  it('a staff record the caller may not see is 404, exactly as one that does not exist', async () => {
    const county = await userToken('yc-admin');
    const district = await createStaff(await userToken('jc-admin'), {
      tenant: '620302',
      department: '620302-SCJG',
      roles: ['window_clerk'],
    });
    const absentId = '00000000-0000-4000-8000-000000000000';
    const hidden = await api('GET', `/staff/${district.id}`, { token: county });
    const absent = await api('GET', `/staff/${absentId}`, { token: county });
    expectProblem(hidden, 404, 'STAFF_NOT_FOUND');
    const { requestId: _a, instance: _b, ...hiddenBody } = hidden.body;
    const { requestId: _c, instance: _d, ...absentBody } = absent.body;
    expect(hiddenBody).toEqual(absentBody);
  });
});

function withCheck(first17: string) {
  return first17 + residentIdCheckCharacter(first17);
}

describe('legal persons and agents', () => {
  it.each([
    ['wrong alphabet (the documented pattern, answered by the edge)', () => `91620321MA7H2K3I1W`, 'PATTERN'],
    ['wrong check character', (c: string) => c.slice(0, 17) + (c[17] === '0' ? '1' : '0'), 'CHECK_CHARACTER'],
    [
      'wrong organisation-code check',
      () => {
        const org8 = '12345678';
        const good = organizationCodeCheckCharacter(org8);
        const first17 = `92620321${org8}${good === '0' ? '1' : '0'}`;
        return first17 + creditCodeCheckCharacter(first17);
      },
      'ORGANIZATION_CODE_CHECK',
    ],
  ])('refuses a credit code with a %s', async (_, mutate, reason) => {
    const holder = await registerPerson('孙大伟');
    const before = await count('legal_persons');
    const reply = await api('POST', '/legal-persons', {
      token: holder.token,
      body: {
        tenant: '620321',
        name: '永昌县测试商贸有限公司',
        creditCode: mutate(newCreditCode()),
        legalRepresentativeName: '孙大伟',
        legalRepresentativeIdNumber: holder.idNumber,
      },
    });
    expect(fieldErrors(reply)).toEqual([expect.objectContaining({ path: 'creditCode', reason })]);
    expect(await count('legal_persons')).toBe(before);
  });

  it('an agent acts for the legal person only within the authorised departments, and not at all after revocation', async () => {
    const holder = await registerPerson('周建国');
    const agent = await registerPerson('吴丽');
    const company = await api('POST', '/legal-persons', {
      token: holder.token,
      body: {
        tenant: '620321',
        name: '永昌县建国农资有限公司',
        creditCode: newCreditCode(),
        legalRepresentativeName: '周建国',
        legalRepresentativeIdNumber: holder.idNumber,
      },
    });
    expect(company.status).toBe(201);
    const lp = company.body.id as string;

    // Before any grant the agent cannot act.
    const none = await api('POST', `/legal-persons/${lp}/acting-checks`, {
      token: agent.token,
      body: { department: '620321-SCJG' },
    });
    expectProblem(none, 403, 'NO_GRANT');

    const granted = await api('POST', `/legal-persons/${lp}/agents`, {
      token: holder.token,
      body: { agentIdNumber: agent.idNumber, scope: { departments: ['620321-SCJG'] } },
    });
    expect(granted.status).toBe(201);
    const grantId = granted.body.grant.id as string;

    const inside = await api('POST', `/legal-persons/${lp}/acting-checks`, {
      token: agent.token,
      body: { department: '620321-SCJG' },
    });
    expect(inside.status).toBe(200);
    expect(inside.body).toMatchObject({ allowed: true, grantId });
    const outside = await api('POST', `/legal-persons/${lp}/acting-checks`, {
      token: agent.token,
      body: { department: '620321-RSJ' },
    });
    expectProblem(outside, 403, 'OUTSIDE_SCOPE');

    // The agent sees the legal person with only their own grant; their profile lists it.
    const seen = await api('GET', `/legal-persons/${lp}`, { token: agent.token });
    expect(seen.status).toBe(200);
    expect(seen.body.agents).toHaveLength(1);
    const me = await api('GET', '/me', { token: agent.token });
    expect(me.body.agentFor.map((x: { id: string }) => x.id)).toEqual([lp]);

    // Only the holder revokes; afterwards the agent cannot act at all.
    const notHolder = await api('DELETE', `/legal-persons/${lp}/agents/${grantId}`, { token: agent.token, body: {} });
    expectProblem(notHolder, 403);
    const revoked = await api('DELETE', `/legal-persons/${lp}/agents/${grantId}`, {
      token: holder.token,
      body: { reason: '经办人离职' },
    });
    expect(revoked.status).toBe(200);
    for (const department of ['620321-SCJG', '620321-RSJ']) {
      const after = await api('POST', `/legal-persons/${lp}/acting-checks`, {
        token: agent.token,
        body: { department },
      });
      expectProblem(after, 403, 'GRANT_REVOKED');
    }
    // A former agent no longer sees the legal person at all: 404, as for one that does not exist.
    expectProblem(await api('GET', `/legal-persons/${lp}`, { token: agent.token }), 404, 'LEGAL_PERSON_NOT_FOUND');
  });
});

describe('tenant scope', () => {
  it('county staff cannot read a district’s staff or applicants; a city supervisor reads its counties but not another city', async () => {
    await registerPerson('郑一', '620302');
    const county = await userToken('yc-admin');
    expectProblem(await api('GET', '/tenants/620302/staff', { token: county }), 403, 'TENANT_OUT_OF_SCOPE');
    expectProblem(await api('GET', '/tenants/620302/applicants', { token: county }), 403, 'TENANT_OUT_OF_SCOPE');

    const cityAdmin = await userToken('jc-city-admin');
    const supervisor = await createStaff(cityAdmin, { tenant: '620300', roles: ['supervisor'] });
    const token = await supervisor.token();
    const staff = await api('GET', '/tenants/620321/staff', { token });
    expect(staff.status).toBe(200);
    const applicants = await api('GET', '/tenants/620302/applicants', { token });
    expect(applicants.status).toBe(200);
    expect(applicants.body.applicants.length).toBeGreaterThan(0);
    expect(applicants.body.applicants[0].identifier).toMatch(/\*{4,}/);
    expectProblem(await api('GET', '/tenants/620123/staff', { token }), 403, 'TENANT_OUT_OF_SCOPE');
    expectProblem(await api('GET', '/tenants/620102/applicants', { token }), 403, 'TENANT_OUT_OF_SCOPE');
    // Vertical supervision reads; it does not write.
    const write = await api('POST', '/staff', {
      token: cityAdmin,
      body: {
        tenant: '620321',
        department: '620321-SCJG',
        username: `e-${unique()}-w`,
        displayName: '越级新增',
        phone: '13909359999',
        roles: ['window_clerk'],
        initialPassword: 'Start2026x',
      },
    });
    expectProblem(write, 403, 'TENANT_OUT_OF_SCOPE');
  });
});

describe('windows', () => {
  it('with A on leave B serves the queue; with both absent the department head is responsible', async () => {
    const admin = await userToken('yc-admin');
    const dept = { tenant: '620321', department: '620321-SCJG' };
    const a = await createStaff(admin, { ...dept, roles: ['window_clerk'] });
    const b = await createStaff(admin, { ...dept, roles: ['window_clerk'] });
    const head = await createStaff(admin, { ...dept, roles: ['department_head'] });
    const window = await api('POST', '/tenants/620321/windows', {
      token: admin,
      body: {
        number: `C${Math.floor(Math.random() * 900) + 100}`,
        name: '市场监管测试窗口',
        kind: 'department',
        department: '620321-SCJG',
        aPostStaffId: a.id,
        bPostStaffId: b.id,
        location: '二楼东侧',
      },
    });
    expect(window.status).toBe(201);
    const day = (offset: number) =>
      new Date(Date.now() + offset * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
    const responsible = async () =>
      (await api('GET', `/windows/${window.body.id}/responsible?date=${day(8)}`, { token: await a.token() })).body;

    expect(await responsible()).toMatchObject({ basis: 'a_post', responsible: { id: a.id } });
    const headToken = await head.token();
    const leave = (id: string) =>
      api('POST', `/staff/${id}/leaves`, {
        token: headToken,
        body: { fromDate: day(7), toDate: day(9), reason: '年休假' },
      });
    expect((await leave(a.id)).status).toBe(201);
    expect(await responsible()).toMatchObject({ basis: 'b_post', responsible: { id: b.id } });
    expect((await leave(b.id)).status).toBe(201);
    expect(await responsible()).toMatchObject({ basis: 'department_head', responsible: { id: head.id } });
    // Outside the leave, A is back.
    const later = await api('GET', `/windows/${window.body.id}/responsible?date=${day(10)}`, { token: headToken });
    expect(later.body).toMatchObject({ basis: 'a_post', responsible: { id: a.id } });
  });
});

describe('tenant tree', () => {
  const center = {
    name: '测试政务服务中心',
    address: '甘肃省测试路1号',
    hours: '周一至周五 9:00-17:00',
    phones: ['0935-8888888'],
  };

  it('refuses a county code under the wrong city and a duplicate code, and stores nothing', async () => {
    const cityAdmin = await userToken('jc-city-admin');
    const before = await count('tenants');
    const wrongCity = await api('POST', '/tenants', {
      token: cityAdmin,
      body: { code: '620123', name: '榆中县', level: 'county', parentCode: '620300', center },
    });
    expect(fieldErrors(wrongCity)).toEqual(expect.arrayContaining([expect.objectContaining({ reason: 'PARENT' })]));
    const duplicate = await api('POST', '/tenants', {
      token: cityAdmin,
      body: { code: '620321', name: '永昌县', level: 'county', parentCode: '620300', center },
    });
    expectProblem(duplicate, 409, 'TENANT_EXISTS');
    expect(await count('tenants')).toBe(before);
  });
});
