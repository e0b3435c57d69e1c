import { MongoClient, stack, userToken, waitFor } from '@govhall/testing';
import { startCatalogueStack, type CatalogueStack } from './catalogue-stack';
import { apiClient, chinaDate, expectProblem, newBasicCode, pdfText, unique, type Reply } from './e2e-http';

// Issue 4's "done when", driven through the gateway as the workbench and the public portal drive it: real
// Keycloak logins, the catalogue (on a fresh database holding the published seed catalogue), identity and the
// gateway as their own processes.
let s: CatalogueStack;
let mongo: MongoClient;
/** A center reviewer of 永昌县 (620321), created through identity: a real Keycloak user other than yc-admin. */
let reviewer: { username: string; token: () => Promise<string> };
/** The seed's 食品经营许可 of 永昌县 as the public reads it: the content every test item starts from. */
let food: PublishedItem;

const YC = '620321';
const SCJG = `${YC}-SCJG`;
const admin = () => userToken('yc-admin');
const cityAdmin = () => userToken('jc-city-admin');
const api = apiClient(() => `${s.gatewayUrl}/api/v1/catalogue`);

interface PublishedItem {
  id: string;
  name: string;
  basicCode: string;
  content: Content;
}

type Content = Record<string, any>;

/** The violations of a 400, as path + reason pairs in a stable order. */
function violations(reply: Reply): { path: string; reason: string }[] {
  expectProblem(reply, 400, 'VALIDATION_FAILED');
  return (reply.body.errors as { path: string; reason: string }[])
    .map(({ path, reason }) => ({ path, reason }))
    .sort((a, b) => a.path.localeCompare(b.path) || a.reason.localeCompare(b.reason));
}

const sorted = (list: { path: string; reason: string }[]) =>
  [...list].sort((a, b) => a.path.localeCompare(b.path) || a.reason.localeCompare(b.reason));

/** The content of the seed's food licence, re-coded for another basic code (the implementation code ends in it). */
function foodContent(basicCode: string): Content {
  const content = structuredClone(food.content);
  content.implementationCode = `${content.implementationCode.slice(0, 19)}${basicCode}`;
  return content;
}

/** A new draft of 永昌县's market regulation bureau, created by yc-admin. */
async function createDraft(token: string, fields: Record<string, string> = {}) {
  const body = {
    tenant: YC,
    name: `测试事项${unique()}`,
    basicCode: newBasicCode(),
    kind: '01',
    handlingCategory: 'promised',
    department: SCJG,
    ...fields,
  };
  const reply = await api('POST', '/items', { token, body, headers: { 'idempotency-key': `e2e-${unique()}` } });
  expect(reply.status).toBe(201);
  expect(reply.headers.get('location')).toBe(`/api/v1/catalogue/items/${reply.body.id}`);
  expect(reply.body).toMatchObject({ ...body, status: 'draft', version: 1, edition: 1 });
  return reply.body as { id: string; name: string; basicCode: string; version: number; seriesId: string };
}

/** PUT /items/:id with the draft's identity fields and the given content. */
function putDraft(
  token: string,
  item: { id: string; name: string; basicCode: string },
  content: Content,
  expectedVersion: number,
  fields: Record<string, string> = {},
) {
  return api('PUT', `/items/${item.id}`, {
    token,
    body: {
      name: item.name,
      basicCode: item.basicCode,
      kind: '01',
      handlingCategory: 'promised',
      department: SCJG,
      ...fields,
      content,
      expectedVersion,
    },
  });
}

async function getItem(id: string, token?: string) {
  const reply = await api('GET', `/items/${id}`, { token: token ?? (await admin()) });
  expect(reply.status).toBe(200);
  return reply.body;
}

/** Every page of a public search. */
async function searchAll(query: Record<string, string>): Promise<{ items: any[]; total: number }> {
  const items: any[] = [];
  let total = 0;
  let pageToken = '';
  do {
    const params = new URLSearchParams({ ...query, pageSize: '50', ...(pageToken ? { pageToken } : {}) });
    const reply = await api('GET', `/search?${params}`);
    expect(reply.status).toBe(200);
    items.push(...reply.body.items);
    total = reply.body.total;
    pageToken = reply.body.nextPageToken ?? '';
  } while (pageToken);
  expect(items).toHaveLength(total);
  return { items, total };
}

async function search(query: Record<string, string>) {
  const reply = await api('GET', `/search?${new URLSearchParams(query)}`);
  expect(reply.status).toBe(200);
  return reply.body as { items: any[]; total: number };
}

/** Drafts, fills in, submits (yc-admin) and approves (the reviewer) an item with the given content. */
async function publish(content: (basicCode: string) => Content) {
  const token = await admin();
  const draft = await createDraft(token);
  const filled = await putDraft(token, draft, content(draft.basicCode), draft.version);
  expect(filled.status).toBe(200);
  const submitted = await api('POST', `/items/${draft.id}/submit`, {
    token,
    body: { expectedVersion: filled.body.version },
  });
  expect(submitted.status).toBe(200);
  const approved = await api('POST', `/items/${draft.id}/review`, {
    token: await reviewer.token(),
    body: { approve: true, expectedVersion: submitted.body.version },
  });
  expect(approved.status).toBe(200);
  expect(approved.body.status).toBe('published');
  return approved.body;
}

beforeAll(async () => {
  s = await startCatalogueStack();
  mongo = await MongoClient.connect(stack.mongoUri);

  const username = `e-${unique()}-reviewer`;
  const password = `Pw${unique()}2026`;
  const created = await fetch(`${s.gatewayUrl}/api/v1/identity/staff`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await admin()}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      tenant: YC,
      department: SCJG,
      roles: ['reviewer'],
      displayName: '目录审核测试',
      phone: '13909359999',
      username,
      initialPassword: password,
      permanentPassword: true,
    }),
  });
  expect(created.status).toBe(201);
  reviewer = { username, token: () => userToken(username, { password }) };

  const hits = await search({ tenant: YC, q: '食品经营许可' });
  const id = hits.items.find((i: { name: string }) => i.name === '食品经营许可')?.id as string;
  expect(id).toBeDefined();
  food = (await api('GET', `/published/${id}`)).body;
}, 180_000);

afterAll(async () => {
  await s?.stop();
  if (mongo && s) {
    await mongo.db(s.catalogueDb).dropDatabase();
    await mongo.db(s.identityDb).dropDatabase();
  }
  await mongo?.close();
});

describe('the seed catalogue', () => {
  it('is published into the fresh database and searchable from the start', async () => {
    const count = Number(/(\d+) published items/.exec(s.seedOutput)?.[1]);
    expect(count).toBeGreaterThanOrEqual(30);
    const all = await searchAll({});
    expect(all.total).toBe(count);
    expect(new Set(all.items.map((i) => i.department)).size).toBeGreaterThanOrEqual(8);
  });
});

describe('validation rejects with precise paths, and nothing changes', () => {
  it('refuses shape errors when the draft is saved: the edge names a decimal fee, the service a form that is not JSON', async () => {
    const token = await admin();
    const draft = await createDraft(token);

    const decimalFee = foodContent(draft.basicCode);
    decimalFee.fees = [{ name: '工本费', legalBasis: '《甘肃省行政事业性收费目录清单》', amountFen: 10.5 }];
    expect(violations(await putDraft(token, draft, decimalFee, draft.version))).toEqual([
      { path: 'content.fees.0.amountFen', reason: 'TYPE' },
    ]);

    const malformed = foodContent(draft.basicCode);
    malformed.form = { ...malformed.form, jsonSchema: '{"type": "object", "properties": {' };
    malformed.materials = [...malformed.materials, { ...malformed.materials[0], name: '重复编号的材料' }];
    malformed.workflow = [{ ...malformed.workflow[0], role: 'clerk' }, ...malformed.workflow.slice(1)];
    expect(violations(await putDraft(token, draft, malformed, draft.version))).toEqual(
      sorted([
        { path: 'content.form.jsonSchema', reason: 'JSON_PARSE' },
        { path: `content.materials.${food.content.materials.length}.id`, reason: 'DUPLICATE' },
        { path: 'content.workflow.0.role', reason: 'ENUM' },
      ]),
    );

    const stored = await getItem(draft.id);
    expect(stored).toMatchObject({ status: 'draft', version: 1 });
    expect(stored.content.materials).toEqual([]);
  });

  it('lists every violation on submit with its path; the item stays a draft at the same version', async () => {
    const token = await admin();
    const draft = await createDraft(token, { handlingCategory: 'joint' });
    const content = foodContent(draft.basicCode);
    const statutory = content.statutoryLimit.days as number;
    // promised above 70% of the statutory limit, without an exception reason
    content.promisedLimit = { ...content.promisedLimit, days: Math.floor((statutory * 7) / 10) + 1 };
    content.promiseExceptionReason = '';
    // step budgets summing to more than the promise
    content.workflow = content.workflow.map((step: object) => ({ ...step, budgetWorkingDays: statutory }));
    // a fee with no legal basis
    content.fees = [{ name: '工本费', legalBasis: '', amountFen: 1000, formula: '', reductions: '' }];
    // a rule naming a field the form does not have
    const ghost = content.preReviewRules.length;
    content.preReviewRules = [
      ...content.preReviewRules,
      { id: 'ghost-field', kind: 'field_compare', field: 'applicant.nickname', op: 'present', message: '请填写昵称' },
    ];
    // a joint item without co-departments
    content.coDepartments = [];

    const saved = await putDraft(token, draft, content, draft.version, { handlingCategory: 'joint' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ status: 'draft', version: 2, handlingCategory: 'joint' });

    const refused = await api('POST', `/items/${draft.id}/submit`, { token, body: { expectedVersion: 2 } });
    expect(violations(refused)).toEqual(
      sorted([
        { path: 'content.promisedLimit.days', reason: 'PROMISE_OVER_70_PERCENT' },
        { path: 'content.workflow', reason: 'BUDGET_EXCEEDS_PROMISE' },
        { path: 'content.fees.0.legalBasis', reason: 'REQUIRED' },
        { path: `content.preReviewRules.${ghost}.field`, reason: 'UNKNOWN_FIELD' },
        { path: 'content.coDepartments', reason: 'REQUIRED' },
      ]),
    );
    for (const error of refused.body.errors) expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await getItem(draft.id)).toMatchObject({ status: 'draft', version: 2 });

    // The same draft with everything fixed but a form that is not a valid JSON Schema (a type that does not exist).
    const fixed = foodContent(draft.basicCode);
    const schema = JSON.parse(fixed.form.jsonSchema);
    schema.properties.remarks = { type: 'strin', title: '备注' };
    fixed.form = { ...fixed.form, jsonSchema: JSON.stringify(schema) };
    const resaved = await putDraft(token, draft, fixed, 2);
    expect(resaved.status).toBe(200);
    const refusedAgain = await api('POST', `/items/${draft.id}/submit`, { token, body: { expectedVersion: 3 } });
    expect(violations(refusedAgain)).toEqual([
      { path: 'content.form.jsonSchema.properties.remarks.type', reason: 'SCHEMA_TYPE' },
    ]);
    expect(await getItem(draft.id)).toMatchObject({ status: 'draft', version: 3 });
  });
});

describe('versions and lifecycle', () => {
  it('draft → submitted → reviewed by someone else → published and immutable → edition 2 supersedes it → retired', async () => {
    const token = await admin();
    const draft = await createDraft(token);
    const filled = await putDraft(token, draft, foodContent(draft.basicCode), 1);
    expect(filled.status).toBe(200);

    const submitted = await api('POST', `/items/${draft.id}/submit`, { token, body: { expectedVersion: 2 } });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', version: 3, submittedBy: 'yc-admin' });

    // The submitter cannot review their own submission, even as center administrator.
    const selfReview = await api('POST', `/items/${draft.id}/review`, {
      token,
      body: { approve: true, expectedVersion: 3 },
    });
    expectProblem(selfReview, 409, 'SELF_REVIEW');
    expect(await getItem(draft.id)).toMatchObject({ status: 'submitted', version: 3 });

    const approved = await api('POST', `/items/${draft.id}/review`, {
      token: await reviewer.token(),
      body: { approve: true, comments: '材料齐全，同意发布', expectedVersion: 3 },
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'published', version: 4, edition: 1 });
    expect(approved.body.reviews).toEqual([
      expect.objectContaining({ approved: true, reviewer: reviewer.username, comments: '材料齐全，同意发布' }),
    ]);
    const first = approved.body;

    // A published edition cannot be edited.
    const edit = await putDraft(token, draft, { ...foodContent(draft.basicCode), visits: 0 }, 4);
    expectProblem(edit, 409, 'ITEM_NOT_DRAFT');
    expect(await getItem(draft.id)).toMatchObject({ status: 'published', version: 4, content: first.content });

    // A new edition is a draft copy of the published one; a retry with the same key returns the same draft.
    const key = `e2e-edition-${unique()}`;
    const edition = await api('POST', `/items/${first.id}/editions`, { token, headers: { 'idempotency-key': key } });
    expect(edition.status).toBe(201);
    expect(edition.body).toMatchObject({
      status: 'draft',
      edition: 2,
      version: 1,
      previousId: first.id,
      seriesId: first.seriesId,
      name: first.name,
      basicCode: first.basicCode,
      content: first.content,
    });
    expect(edition.body.id).not.toBe(first.id);
    const retry = await api('POST', `/items/${first.id}/editions`, { token, headers: { 'idempotency-key': key } });
    expect(retry.body.id).toBe(edition.body.id);
    const second = edition.body;

    // The diff between the editions shows the field changed in the draft, and only it.
    const changed = structuredClone(first.content);
    const answer = `${changed.faq[0].answer}（2026年修订）`;
    changed.faq[0].answer = answer;
    const edited = await putDraft(token, second, changed, 1);
    expect(edited.status).toBe(200);
    const diff = await api('GET', `/items/${first.id}/diff/${second.id}`, { token });
    expect(diff.status).toBe(200);
    expect(diff.body.changes).toEqual([
      { path: 'content.faq.0.answer', before: first.content.faq[0].answer, after: answer },
    ]);

    // Publishing edition 2 supersedes edition 1, which the public can still read (cases filed under it).
    const submitted2 = await api('POST', `/items/${second.id}/submit`, { token, body: { expectedVersion: 2 } });
    expect(submitted2.status).toBe(200);
    const approved2 = await api('POST', `/items/${second.id}/review`, {
      token: await reviewer.token(),
      body: { approve: true, expectedVersion: 3 },
    });
    expect(approved2.body).toMatchObject({ status: 'published', edition: 2 });
    const old = await api('GET', `/published/${first.id}`);
    expect(old.status).toBe(200);
    expect(old.body).toMatchObject({ id: first.id, status: 'superseded', edition: 1 });
    expect((await api('GET', `/published/${second.id}`)).body).toMatchObject({ status: 'published', edition: 2 });
    await waitFor(
      async () => {
        const hits = await search({ q: first.basicCode });
        return (
          hits.items
            .filter((i) => i.basicCode === first.basicCode)
            .map((i) => i.id)
            .join() === second.id
        );
      },
      { what: 'the search to list edition 2 alone' },
    );

    // Retirement takes the item out of the public catalogue.
    const retired = await api('POST', `/items/${second.id}/retire`, {
      token,
      body: { reason: '设定依据已废止，事项取消', expectedVersion: approved2.body.version },
    });
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ status: 'retired', retiredReason: '设定依据已废止，事项取消' });
    expectProblem(await api('GET', `/published/${second.id}`), 404, 'ITEM_NOT_FOUND');
    expect((await search({ q: first.basicCode })).items.map((i) => i.basicCode)).not.toContain(first.basicCode);
  });
});

describe('tenant scope', () => {
  it('a city administrator reads a county draft but cannot edit it (403 TENANT_OUT_OF_SCOPE); a clerk cannot either', async () => {
    const draft = await createDraft(await admin());
    const city = await cityAdmin();
    expect((await api('GET', `/items/${draft.id}`, { token: city })).body).toMatchObject({ id: draft.id });

    const edit = await putDraft(city, draft, foodContent(draft.basicCode), 1);
    expectProblem(edit, 403, 'TENANT_OUT_OF_SCOPE');
    const clerk = await putDraft(await userToken('yc-clerk'), draft, foodContent(draft.basicCode), 1);
    expectProblem(clerk, 403, 'ROLE_REQUIRED');
    expect(await getItem(draft.id)).toMatchObject({ version: 1 });
  });

  it('another district’s draft is 404 to read, diff or edit, exactly as an item that does not exist', async () => {
    const draft = await createDraft(await admin());
    const district = await userToken('jc-admin');
    const absentId = '00000000-0000-4000-8000-000000000000';
    const bodyOf = (reply: Reply) => {
      const { requestId: _r, instance: _i, ...rest } = reply.body;
      return rest;
    };
    const hidden = await api('GET', `/items/${draft.id}`, { token: district });
    const absent = await api('GET', `/items/${absentId}`, { token: district });
    expectProblem(hidden, 404, 'ITEM_NOT_FOUND');
    expect(bodyOf(hidden)).toEqual(bodyOf(absent));
    expectProblem(await api('GET', `/items/${draft.id}/diff/${draft.id}`, { token: district }), 404, 'ITEM_NOT_FOUND');
    const edit = await putDraft(district, draft, foodContent(draft.basicCode), 1);
    expectProblem(edit, 404, 'ITEM_NOT_FOUND');
    expect(bodyOf(edit)).toEqual(
      bodyOf(await putDraft(district, { ...draft, id: absentId }, foodContent(draft.basicCode), 1)),
    );
    expect(await getItem(draft.id)).toMatchObject({ version: 1 });
  });
});

describe('public reading without a token', () => {
  it('search, the published item, its guide as JSON and PDF, and the calendar; drafts stay hidden', async () => {
    expect((await search({ q: '食品' })).total).toBeGreaterThan(0);

    const item = await api('GET', `/published/${food.id}`);
    expect(item.status).toBe(200);
    expect(item.body).toMatchObject({ id: food.id, name: '食品经营许可', status: 'published', tenant: YC });
    expect(item.body).not.toHaveProperty('createdBy');
    expect(item.body).not.toHaveProperty('reviews');

    const guide = await api('GET', `/published/${food.id}/guide`);
    expect(guide.status).toBe(200);
    expect(guide.body).toMatchObject({
      item: { id: food.id, name: '食品经营许可' },
      departmentName: '永昌县市场监督管理局',
      tenantName: '永昌县',
    });

    const pdf = await fetch(`${s.gatewayUrl}/api/v1/catalogue/published/${food.id}/guide.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');

    const calendar = await api('GET', `/calendars/${YC}/2026`);
    expect(calendar.status).toBe(200);
    expect(calendar.body).toMatchObject({ tenant: YC, year: 2026, published: true });

    // A draft does not exist for the public; the staff read of any status (GetItem) needs a token.
    const draft = await createDraft(await admin());
    expectProblem(await api('GET', `/published/${draft.id}`), 404, 'ITEM_NOT_FOUND');
    expectProblem(await api('GET', `/published/${draft.id}/guide`), 404, 'ITEM_NOT_FOUND');
    expectProblem(await api('GET', `/items/${draft.id}`), 401);
  });
});

describe('search', () => {
  it('食品 ranks 食品经营许可 first', async () => {
    const hits = await search({ q: '食品' });
    expect(hits.items[0].name).toBe('食品经营许可');
    const names: string[] = hits.items.map((i) => i.name);
    expect(names).toContain('食品生产许可');
    // Names that start with 食品 come before names or texts that only contain it.
    const prefix = names.map((name) => name.startsWith('食品'));
    expect(prefix).toEqual([...prefix].sort((a, b) => Number(b) - Number(a)));
    // In the county's own catalogue too.
    expect((await search({ tenant: YC, q: '食品' })).items[0].name).toBe('食品经营许可');
  });

  it('an item’s basic code finds it first', async () => {
    const hits = await search({ q: food.basicCode });
    expect(hits.items[0]).toMatchObject({ id: food.id, basicCode: food.basicCode });
    const published = await publish(foodContent);
    expect((await search({ q: published.basicCode })).items[0]).toMatchObject({ id: published.id });
  });

  it('filters by department, kind and handling category narrow the results', async () => {
    const all = await searchAll({});
    const cases: [string, string, (i: any) => boolean][] = [
      ['department', SCJG, (i) => i.department === SCJG],
      ['kind', '20', (i) => i.kind === '20'],
      ['handlingCategory', 'joint', (i) => i.handlingCategory === 'joint'],
      ['handlingCategory', 'immediate', (i) => i.handlingCategory === 'immediate'],
    ];
    for (const [filter, value, matches] of cases) {
      const narrowed = await searchAll({ [filter]: value });
      expect(narrowed.items.length).toBeGreaterThan(0);
      expect(narrowed.items.every(matches)).toBe(true);
      expect(narrowed.total).toBeLessThan(all.total);
      expect(narrowed.total).toBe(all.items.filter(matches).length);
    }
    const joint = await searchAll({ handlingCategory: 'joint' });
    expect(joint.total).toBeGreaterThanOrEqual(3);
    const combined = await searchAll({ tenant: YC, department: SCJG, q: '食品' });
    expect(combined.items.length).toBeGreaterThan(0);
    expect(combined.items.every((i) => i.tenant === YC && i.department === SCJG)).toBe(true);
  });
});

describe('the guide PDF', () => {
  it('is a PDF whose text holds the item’s Chinese name and its materials', async () => {
    const res = await fetch(`${s.gatewayUrl}/api/v1/catalogue/published/${food.id}/guide.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".*"; filename\*=UTF-8''/);
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text).toContain('食品经营许可');
    expect(text).toContain('永昌县市场监督管理局');
    for (const material of food.content.materials) expect(text).toContain(material.name.replace(/\s+/g, ''));
  });
});

describe('the working-day calendar', () => {
  const add = async (tenant: string, start: string, days: number) => {
    const reply = await api('GET', `/calendars/${tenant}/working-days/add?start=${start}&days=${days}`);
    expect(reply.status).toBe(200);
    return reply.body as { date: string; provisional: boolean; unpublishedYears: number[] };
  };

  it('counts across the 2026 Spring Festival as the State Council notice implies (国办发明电〔2025〕7号)', async () => {
    // Friday 2月13日 + 1 is the make-up Saturday 2月14日; + 2 skips the nine days off 2月15日-23日.
    expect(await add(YC, '2026-02-13', 1)).toEqual({ date: '2026-02-14', provisional: false, unpublishedYears: [] });
    expect((await add(YC, '2026-02-13', 2)).date).toBe('2026-02-24');
    expect((await add(YC, '2026-02-18', 1)).date).toBe('2026-02-24');
    // 24-27 and the make-up Saturday 28: five working days, then Monday 3月2日.
    expect((await add(YC, '2026-02-23', 5)).date).toBe('2026-02-28');
    expect((await add(YC, '2026-02-23', 6)).date).toBe('2026-03-02');
    const count = await api('GET', `/calendars/${YC}/working-days/count?from=2026-02-12&to=2026-02-25`);
    expect(count.body).toEqual({ days: 4, provisional: false, unpublishedYears: [] });
    // `to` before `from` is the catalogue's INVALID_ARGUMENT on `to`, a 400 at the edge (not a count of 0).
    const backwards = await api('GET', `/calendars/${YC}/working-days/count?from=2026-02-25&to=2026-02-12`);
    expect(violations(backwards)).toEqual([{ path: 'querystring.to', reason: 'BEFORE_FROM' }]);
    expect(backwards.body.errors[0].message).toContain('不能早于开始日期');
  });

  it('flags a span into 2027, whose arrangement is not published, as provisional', async () => {
    // 2027-01-01 is 元旦 by the 放假办法 even before the notice.
    expect(await add(YC, '2026-12-20', 30)).toEqual({
      date: '2027-02-01',
      provisional: true,
      unpublishedYears: [2027],
    });
  });

  it('a center administrator’s override changes 620321’s answers but not 620302’s, and is sent to Kafka', async () => {
    // A working day three weeks ahead in the national calendar (620302 has no overrides).
    const start = chinaDate(21);
    const day = (await add('620302', start, 1)).date;
    const next = (await add('620302', start, 2)).date;
    expect((await add(YC, start, 1)).date).toBe(day);

    const token = await admin();
    const set = await api('PUT', `/calendars/${YC}/overrides/${day}`, {
      token,
      body: { working: false, reason: '本地民族传统节日' },
    });
    expect(set.status).toBe(200);
    expect(set.body.overrides).toEqual([expect.objectContaining({ date: day, reason: '本地民族传统节日' })]);

    expect((await add(YC, start, 1)).date).toBe(next);
    expect((await add('620302', start, 1)).date).toBe(day);
    const year = day.slice(0, 4);
    expect((await api('GET', `/calendars/620302/${year}`)).body.overrides).toEqual([]);

    // Another tenant's administrator cannot set it; a past day cannot be changed.
    const other = await api('PUT', `/calendars/${YC}/overrides/${day}`, {
      token: await userToken('jc-admin'),
      body: { working: false, reason: '越权设置的本地假日' },
    });
    expectProblem(other, 403, 'TENANT_OUT_OF_SCOPE');
    const past = await api('PUT', `/calendars/${YC}/overrides/2026-01-05`, {
      token,
      body: { working: false, reason: '过去的日期' },
    });
    expect(violations(past)).toEqual([{ path: 'params.date', reason: 'DATE_IN_PAST' }]);

    // CalendarChanged left the tenant's outbox: the relay removes a message once Kafka acknowledged it.
    const overrides = mongo
      .db(s.catalogueDb)
      .collection<{ _id: string; outbox: unknown[]; version: number }>('calendar_overrides');
    const stored = await waitFor(
      async () => {
        const doc = await overrides.findOne({ _id: YC });
        return doc && doc.outbox.length === 0 ? doc : undefined;
      },
      { what: 'the CalendarChanged event to be sent to Kafka' },
    );
    expect(stored.version).toBe(1);
  });
});
