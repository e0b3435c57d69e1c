import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { catalogueV1 } from '@govhall/proto';
import {
  MongoClient,
  stack,
  startEventReader,
  userToken,
  waitFor,
  type EventReader,
  type ReadEvent,
} from '@govhall/testing';
import { startCatalogueStack, type CatalogueStack } from './catalogue-stack';
import { apiClient, chinaDate, expectProblem, newBasicCode, pdfText, toReply, unique, type Reply } from './e2e-http';

// Blank forms and samples (upload, staff-only until published, public download) and the catalogue's Kafka events,
// driven through the gateway against the real stack: Keycloak logins, the catalogue on a fresh database holding
// the seed catalogue, identity and the gateway as their own processes, and a Kafka reader of the topics.
let s: CatalogueStack;
let mongo: MongoClient;
let events: EventReader;
/** A center reviewer of 永昌县 (620321), created through identity: a real Keycloak user other than yc-admin. */
let reviewer: { username: string; token: () => Promise<string> };
/** The content of the seed's 食品经营许可 of 永昌县 as the public reads it. */
let food: { content: Content };
/** The item the file test publishes (edition 1, its first material naming the uploaded form and sample). */
let formItem: { id: string; seriesId: string; versions: { created: number; submitted: number; published: number } };

const YC = '620321';
const SCJG = `${YC}-SCJG`;
const ITEM_TOPIC = 'govhall.catalogue.item';
const CALENDAR_TOPIC = 'govhall.catalogue.calendar';
const MAX_FILE_BYTES = 4 * 1024 * 1024;
const PDF_TYPE = 'application/pdf';
const PNG_TYPE = 'image/png';
const admin = () => userToken('yc-admin');
const api = apiClient(() => `${s.gatewayUrl}/api/v1/catalogue`);

type Content = Record<string, any>;

/** POST /files: the raw file as the body, its media type as content-type, tenant and name in the query. */
async function upload(token: string, content: Buffer, fileName: string, contentType: string): Promise<Reply> {
  const query = new URLSearchParams({ tenant: YC, fileName });
  const res = await fetch(`${s.gatewayUrl}/api/v1/catalogue/files?${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    body: new Uint8Array(content),
  });
  return toReply(res);
}

/** GET /files/:id, anonymously unless a token is given; the answer's bytes as they arrived. */
async function download(id: string, token?: string) {
  const res = await fetch(`${s.gatewayUrl}/api/v1/catalogue/files/${id}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  return {
    status: res.status,
    bytes,
    contentType: res.headers.get('content-type') ?? '',
    disposition: res.headers.get('content-disposition') ?? '',
    json: () => JSON.parse(bytes.toString('utf8')),
  };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/**
 * A one-page PDF 1.4 written by hand (pdfkit is not a dependency of the gateway): catalog, page tree, page, content
 * stream showing `text` in Helvetica, and a cross-reference table with the objects' byte offsets. `padding` bytes
 * of comment lines after the header make it as large as a test needs.
 */
function pdfDocument(text: string, padding = 0): Buffer {
  const stream = `BT /F1 18 Tf 72 770 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  for (let left = padding; left > 0;) {
    const line = Math.min(left, 80);
    pdf += line === 1 ? '\n' : `%${'x'.repeat(line - 2)}\n`;
    left -= line;
  }
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) pdf += `${String(offset).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** A valid PDF of exactly `size` bytes (the padding moves the xref offset, whose digits may grow: settle it). */
function pdfOfSize(text: string, size: number): Buffer {
  let padding = size - pdfDocument(text).length;
  let pdf = pdfDocument(text, padding);
  while (pdf.length !== size) {
    padding += size - pdf.length;
    pdf = pdfDocument(text, padding);
  }
  return pdf;
}

/** A real PNG (8-bit RGB, no interlace): signature, IHDR, one zlib IDAT, IEND, each chunk with its CRC-32. */
function pngImage(width: number, height: number, rgb: [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The name a download offers, from `filename*=UTF-8''…` (RFC 8187). */
function offeredName(disposition: string): string {
  const encoded = /; filename\*=UTF-8''([^;]+)$/.exec(disposition)?.[1];
  expect(encoded).toBeDefined();
  return decodeURIComponent(encoded!);
}

/** The stored files of the catalogue's database with this content. */
const storedWithHash = (hash: string) =>
  mongo.db(s.catalogueDb).collection('item_files').countDocuments({ sha256: hash });

/** Waits until the outbox relay has handed every event of these items to Kafka (it empties the outbox on ack). */
async function itemOutboxesDrained(ids: string[]) {
  const items = mongo.db(s.catalogueDb).collection<{ _id: string; outbox?: unknown[] }>('items');
  await waitFor(
    async () => {
      const docs = await items.find({ _id: { $in: ids } }, { projection: { outbox: 1 } }).toArray();
      return docs.length === ids.length && docs.every((d) => (d.outbox ?? []).length === 0);
    },
    { what: `the events of ${ids.join(', ')} to be sent to Kafka` },
  );
}

/** The item events of one aggregate, as [type without package, aggregate version]. */
const typesOf = (id: string) =>
  events
    .of(ITEM_TOPIC, id)
    .map((e) => [e.envelope.type.replace('govhall.catalogue.v1.', ''), e.envelope.aggregateVersion]);

/** No message keyed by this aggregate failed to decode as an envelope (it would be missing from the counts). */
const noneUndecodable = (topic: string, key: string) =>
  expect(events.undecodable(topic).filter((m) => m.key === key)).toEqual([]);

/** The one event of `type` of an aggregate: fails when it is missing or was sent more than once. */
function only(id: string, type: string): ReadEvent {
  const found = events.of(ITEM_TOPIC, id, `govhall.catalogue.v1.${type}`);
  expect(found).toHaveLength(1);
  const [event] = found;
  expect(event!.key).toBe(id);
  expect(event!.envelope.tenant).toBe(YC);
  return event!;
}

beforeAll(async () => {
  // The reader joins before anything is published, from the beginning of the topics (earlier runs' events are
  // told apart by aggregate id, unique per run, and the calendar's by a unique reason).
  [s, events] = await Promise.all([
    startCatalogueStack(),
    startEventReader([
      { topic: ITEM_TOPIC, partitions: 3 },
      { topic: CALENDAR_TOPIC, partitions: 1 },
    ]),
  ]);
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
      displayName: '目录文件审核测试',
      phone: '13909358888',
      username,
      initialPassword: password,
      permanentPassword: true,
    }),
  });
  expect(created.status).toBe(201);
  reviewer = { username, token: () => userToken(username, { password }) };

  const hits = await api('GET', `/search?${new URLSearchParams({ tenant: YC, q: '食品经营许可' })}`);
  const id = hits.body.items.find((i: { name: string }) => i.name === '食品经营许可')?.id as string;
  expect(id).toBeDefined();
  food = (await api('GET', `/published/${id}`)).body;
}, 180_000);

afterAll(async () => {
  await events?.stop();
  await s?.stop();
  if (mongo && s) {
    await mongo.db(s.catalogueDb).dropDatabase();
    await mongo.db(s.identityDb).dropDatabase();
  }
  await mongo?.close();
});

describe('blank forms and samples', () => {
  it('are uploaded by the center administrator, readable by staff only until an item naming them is published, then downloadable by anyone', async () => {
    const token = await admin();
    const tag = unique();
    const form = pdfDocument(`GovHall blank form ${tag}`);
    expect(await pdfText(form)).toContain(`GovHallblankform${tag}`); // the hand-made PDF is one a reader opens
    const sample = pngImage(4, 3, [0xc8, 0x10, 0x2e]);
    const formName = `食品经营许可申请书（空白表格）${tag}.pdf`;
    const sampleName = `申请书填写示范 ${tag}.png`;

    const uploaded = await upload(token, form, formName, PDF_TYPE);
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toEqual({
      id: expect.any(String),
      tenant: YC,
      fileName: formName,
      contentType: PDF_TYPE,
      size: form.length,
      sha256: sha256(form),
    });
    expect(uploaded.headers.get('location')).toBe(`/api/v1/catalogue/files/${uploaded.body.id}`);
    const sampleFile = await upload(token, sample, sampleName, PNG_TYPE);
    expect(sampleFile.status).toBe(201);
    expect(sampleFile.body).toMatchObject({ contentType: PNG_TYPE, size: sample.length, sha256: sha256(sample) });
    const formId = uploaded.body.id as string;
    const sampleId = sampleFile.body.id as string;

    // Before publication: staff of the tenant (and of the city above it) read it; anyone else learns nothing.
    for (const id of [formId, sampleId]) {
      expectProblem(await download(id).then((d) => ({ ...d, body: d.json() })), 404, 'ITEM_FILE_NOT_FOUND');
      for (const outsider of ['jc-admin', 'zhang-san']) {
        const refused = await download(id, await userToken(outsider));
        expectProblem({ ...refused, body: refused.json() }, 404, 'ITEM_FILE_NOT_FOUND');
      }
    }
    const staff = await download(formId, token);
    expect(staff.status).toBe(200);
    expect(sha256(staff.bytes)).toBe(sha256(form));
    expect((await download(formId, await userToken('jc-city-admin'))).status).toBe(200);

    // A draft whose first material names the blank form and the sample; submitted by yc-admin, approved by the reviewer.
    const draft = await api('POST', '/items', {
      token,
      headers: { 'idempotency-key': `e2e-files-${tag}` },
      body: {
        tenant: YC,
        name: `文件测试事项${tag}`,
        basicCode: newBasicCode(),
        kind: '01',
        handlingCategory: 'promised',
        department: SCJG,
      },
    });
    expect(draft.status).toBe(201);
    const content = structuredClone(food.content);
    content.implementationCode = `${content.implementationCode.slice(0, 19)}${draft.body.basicCode}`;
    content.materials[0] = { ...content.materials[0], blankFormFileId: formId, sampleFileId: sampleId };
    const filled = await api('PUT', `/items/${draft.body.id}`, {
      token,
      body: {
        name: draft.body.name,
        basicCode: draft.body.basicCode,
        kind: '01',
        handlingCategory: 'promised',
        department: SCJG,
        content,
        expectedVersion: draft.body.version,
      },
    });
    expect(filled.status).toBe(200);
    const submitted = await api('POST', `/items/${draft.body.id}/submit`, {
      token,
      body: { expectedVersion: filled.body.version },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    // Submitted is not published: still nothing for the public.
    expect((await download(formId)).status).toBe(404);
    const approved = await api('POST', `/items/${draft.body.id}/review`, {
      token: await reviewer.token(),
      body: { approve: true, expectedVersion: submitted.body.version },
    });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('published');
    formItem = {
      id: approved.body.id,
      seriesId: approved.body.seriesId,
      versions: { created: draft.body.version, submitted: submitted.body.version, published: approved.body.version },
    };
    const published = await api('GET', `/published/${formItem.id}`);
    expect(published.body.content.materials[0]).toMatchObject({ blankFormFileId: formId, sampleFileId: sampleId });

    // Published: anyone downloads the same bytes, with the type and the Chinese name it was uploaded with.
    const got = await download(formId);
    expect(got.status).toBe(200);
    expect(sha256(got.bytes)).toBe(sha256(form));
    expect(got.contentType).toBe(PDF_TYPE);
    expect(got.disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(offeredName(got.disposition)).toBe(formName);
    expect(await pdfText(got.bytes)).toContain(`GovHallblankform${tag}`);

    const gotSample = await download(sampleId);
    expect(gotSample.status).toBe(200);
    expect(sha256(gotSample.bytes)).toBe(sha256(sample));
    expect(gotSample.contentType).toBe(PNG_TYPE);
    expect(offeredName(gotSample.disposition)).toBe(sampleName);
  });

  it('refuses an upload over 4 MiB with 413, storing nothing, and takes exactly 4 MiB whole', async () => {
    const token = await admin();
    const tag = unique();
    const over = pdfOfSize(`GovHall oversized ${tag}`, MAX_FILE_BYTES + 1);
    const refused = await upload(token, over, `超大文件${tag}.pdf`, PDF_TYPE);
    expectProblem(refused, 413);
    expect(await storedWithHash(sha256(over))).toBe(0);

    const full = pdfOfSize(`GovHall full size ${tag}`, MAX_FILE_BYTES);
    const accepted = await upload(token, full, `满额文件${tag}.pdf`, PDF_TYPE);
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({ size: MAX_FILE_BYTES, sha256: sha256(full) });
    const back = await download(accepted.body.id, token);
    expect(back.status).toBe(200);
    expect(back.bytes.length).toBe(MAX_FILE_BYTES);
    expect(sha256(back.bytes)).toBe(sha256(full));
  });

  it('refuses a file whose bytes are not what its name and type say (TYPE_MISMATCH), storing nothing', async () => {
    const token = await admin();
    const tag = unique();
    const png = pngImage(2, 2, [0, 0x80, 0xff]);
    const pdf = pdfDocument(`GovHall not an image ${tag}`);
    const cases: [Buffer, string, string][] = [
      [png, `申请书${tag}.pdf`, PDF_TYPE],
      [pdf, `示范文本${tag}.png`, PNG_TYPE],
    ];
    for (const [content, fileName, contentType] of cases) {
      const refused = await upload(token, content, fileName, contentType);
      expectProblem(refused, 400, 'VALIDATION_FAILED');
      expect(refused.body.errors).toEqual([
        { path: 'body', reason: 'TYPE_MISMATCH', message: expect.stringMatching(/[\u4e00-\u9fff]/) },
      ]);
      expect(await storedWithHash(sha256(content))).toBe(0);
    }
  });
});

describe('events', () => {
  it('publishing the item sends ItemSubmitted and ItemPublished once each on govhall.catalogue.item, by who did it', async () => {
    expect(formItem).toBeDefined(); // published by the first test of 'blank forms and samples'
    const { id, versions } = formItem;
    await itemOutboxesDrained([id]);
    await events.caughtUp();
    noneUndecodable(ITEM_TOPIC, id);

    expect(typesOf(id)).toEqual([
      ['ItemDraftCreated', versions.created],
      ['ItemSubmitted', versions.submitted],
      ['ItemPublished', versions.published],
    ]);
    const submitted = only(id, 'ItemSubmitted');
    expect(submitted.envelope.actor).toMatchObject({ username: 'yc-admin', tenant: YC });
    const submittedItem = catalogueV1.ItemSubmitted.decode(submitted.envelope.payload).item;
    expect(submittedItem).toMatchObject({
      id,
      tenant: YC,
      status: catalogueV1.ItemStatus.ITEM_STATUS_SUBMITTED,
      version: versions.submitted,
      submittedBy: 'yc-admin',
      edition: 1,
    });

    const published = only(id, 'ItemPublished');
    expect(published.envelope.actor).toMatchObject({ username: reviewer.username, tenant: YC });
    const publishedItem = catalogueV1.ItemPublished.decode(published.envelope.payload).item;
    expect(publishedItem).toMatchObject({
      id,
      status: catalogueV1.ItemStatus.ITEM_STATUS_PUBLISHED,
      version: versions.published,
      edition: 1,
      reviews: [expect.objectContaining({ approved: true, reviewer: reviewer.username })],
    });
    expect(publishedItem?.publishedAt).toBeInstanceOf(Date);
    expect(publishedItem?.content?.materials[0]?.blankFormFileId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('publishing a second edition sends ItemSuperseded for the first, naming the new edition', async () => {
    expect(formItem).toBeDefined();
    const token = await admin();
    const edition = await api('POST', `/items/${formItem.id}/editions`, {
      token,
      headers: { 'idempotency-key': `e2e-edition-${unique()}` },
    });
    expect(edition.status).toBe(201);
    const second = edition.body;
    const submitted = await api('POST', `/items/${second.id}/submit`, {
      token,
      body: { expectedVersion: second.version },
    });
    expect(submitted.status).toBe(200);
    const approved = await api('POST', `/items/${second.id}/review`, {
      token: await reviewer.token(),
      body: { approve: true, expectedVersion: submitted.body.version },
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'published', edition: 2, seriesId: formItem.seriesId });
    const first = await api('GET', `/items/${formItem.id}`, { token });
    expect(first.body.status).toBe('superseded');

    await itemOutboxesDrained([formItem.id, second.id]);
    await events.caughtUp();
    for (const key of [formItem.id, second.id]) noneUndecodable(ITEM_TOPIC, key);

    const superseded = only(formItem.id, 'ItemSuperseded');
    expect(superseded.envelope.aggregateVersion).toBe(first.body.version);
    expect(superseded.envelope.actor).toMatchObject({ username: reviewer.username });
    const payload = catalogueV1.ItemSuperseded.decode(superseded.envelope.payload);
    expect(payload.supersededBy).toBe(second.id);
    expect(payload.item).toMatchObject({
      id: formItem.id,
      status: catalogueV1.ItemStatus.ITEM_STATUS_SUPERSEDED,
      edition: 1,
      seriesId: formItem.seriesId,
    });
    expect(typesOf(formItem.id).map(([type]) => type)).toEqual([
      'ItemDraftCreated',
      'ItemSubmitted',
      'ItemPublished',
      'ItemSuperseded',
    ]);

    expect(typesOf(second.id)).toEqual([
      ['ItemDraftCreated', second.version],
      ['ItemSubmitted', submitted.body.version],
      ['ItemPublished', approved.body.version],
    ]);
    const secondPublished = catalogueV1.ItemPublished.decode(only(second.id, 'ItemPublished').envelope.payload);
    expect(secondPublished.item).toMatchObject({ edition: 2, previousId: formItem.id });

    // Edition 2 carried the materials over: the form stays public once the edition naming it first is superseded.
    const file = secondPublished.item!.content!.materials[0]!.blankFormFileId;
    expect((await download(file)).status).toBe(200);
  });

  it('a calendar override sends CalendarChanged on govhall.catalogue.calendar, keyed by the tenant', async () => {
    // A working day four weeks ahead in the national calendar (620302 has no overrides).
    const start = chinaDate(28);
    const next = await api('GET', `/calendars/620302/working-days/add?start=${start}&days=1`);
    expect(next.status).toBe(200);
    const day = next.body.date as string;
    const reason = `本地传统节日${unique()}`;
    const token = await admin();

    const set = await api('PUT', `/calendars/${YC}/overrides/${day}`, { token, body: { working: false, reason } });
    expect(set.status).toBe(200);
    const removed = await api('DELETE', `/calendars/${YC}/overrides/${day}`, { token });
    expect(removed.status).toBe(200);
    expect(removed.body.overrides).toEqual([]);

    const overrides = mongo
      .db(s.catalogueDb)
      .collection<{ _id: string; outbox: unknown[]; version: number }>('calendar_overrides');
    const stored = await waitFor(
      async () => {
        const doc = await overrides.findOne({ _id: YC });
        return doc && doc.outbox.length === 0 ? doc : undefined;
      },
      { what: 'the CalendarChanged events to be sent to Kafka' },
    );
    await events.caughtUp();

    const mine = events
      .all(CALENDAR_TOPIC)
      .map((e) => ({ event: e, payload: catalogueV1.CalendarChanged.decode(e.envelope.payload) }))
      .filter(({ payload }) => payload.override?.reason === reason);
    expect(mine.map(({ event }) => [event.key, event.envelope.type, event.envelope.aggregateVersion])).toEqual([
      [YC, 'govhall.catalogue.v1.CalendarChanged', stored.version - 1],
      [YC, 'govhall.catalogue.v1.CalendarChanged', stored.version],
    ]);
    for (const { event } of mine) {
      expect(event.envelope).toMatchObject({ tenant: YC, aggregateId: YC });
      expect(event.envelope.actor).toMatchObject({ username: 'yc-admin', tenant: YC });
    }
    expect(mine.map(({ payload }) => payload)).toEqual([
      { tenant: YC, year: Number(day.slice(0, 4)), override: { date: day, working: false, reason }, set: true },
      { tenant: YC, year: Number(day.slice(0, 4)), override: { date: day, working: false, reason }, set: false },
    ]);
  });
});
