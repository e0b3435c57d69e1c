import { createHash } from 'node:crypto';
import {
  ADMIN,
  BIG_FILE_BYTES,
  BIG_FILE_ID,
  ITEM_ID,
  MISSING_FILE_ID,
  PDF,
  startCatalogueFixture,
} from './catalogue.fixtures.test-double';

let fx: Awaited<ReturnType<typeof startCatalogueFixture>>;
let app: typeof fx.app;
const lastCall = () => fx.lastCall();

beforeAll(async () => {
  fx = await startCatalogueFixture();
  ({ app } = fx);
});
afterAll(() => fx.close());
beforeEach(() => fx.reset());

describe('catalogue routes: downloads', () => {
  it('sends the guide PDF as application/pdf bytes to download under its Chinese name', async () => {
    const res = await app.inject(`/api/v1/catalogue/published/${ITEM_ID}/guide.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.equals(PDF)).toBe(true);
    const name = '食品经营许可（办事指南）.pdf';
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="${'_'.repeat(12)}.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
  });

  it('sends a file with its own content type, and a file of the full 4 MiB', async () => {
    const res = await app.inject('/api/v1/catalogue/files/f1000000-0000-4000-8000-000000000001');
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toMatch(/^attachment; .*filename\*=UTF-8''/);
    expect(res.rawPayload.toString()).toBe('PK\u0003\u0004 docx');

    const big = await app.inject(`/api/v1/catalogue/files/${BIG_FILE_ID}`);
    expect(big.statusCode).toBe(200);
    expect(big.rawPayload.length).toBe(BIG_FILE_BYTES);
  });

  it('answers 404 problem+json for a file that does not exist', async () => {
    const res = await app.inject(`/api/v1/catalogue/files/${MISSING_FILE_ID}`);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});

describe('catalogue routes: uploads', () => {
  it('uploads the raw body as the file, JSON included, with its content type and name', async () => {
    const bytes = Buffer.from('{"not":"parsed"}');
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/catalogue/files?tenant=620321&fileName=${encodeURIComponent('示范文本.json')}`,
      headers: { ...ADMIN, 'content-type': 'application/json' },
      payload: bytes,
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe('/api/v1/catalogue/files/file-new');
    expect(res.json()).toEqual({
      id: 'file-new',
      tenant: '620321',
      fileName: '示范文本.json',
      contentType: 'application/json',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    expect(Buffer.from(lastCall().request.content).equals(bytes)).toBe(true);
  });

  it('accepts 4 MiB and refuses more with 413, before calling the service', async () => {
    const url = '/api/v1/catalogue/files?tenant=620321&fileName=form.pdf';
    const headers = { ...ADMIN, 'content-type': 'application/pdf' };
    const full = await app.inject({ method: 'POST', url, headers, payload: Buffer.alloc(BIG_FILE_BYTES, 1) });
    expect(full.statusCode).toBe(201);
    expect(full.json().size).toBe(BIG_FILE_BYTES);
    fx.reset();
    const over = await app.inject({ method: 'POST', url, headers, payload: Buffer.alloc(BIG_FILE_BYTES + 1, 1) });
    expect(over.statusCode).toBe(413);
    expect(over.headers['content-type']).toContain('application/problem+json');
    expect(fx.fake.calls).toHaveLength(0);
  });

  it('refuses an upload without a body or a content type', async () => {
    const url = '/api/v1/catalogue/files?tenant=620321&fileName=form.pdf';
    const empty = await app.inject({ method: 'POST', url, headers: { ...ADMIN, 'content-type': 'application/pdf' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([expect.objectContaining({ path: 'body', reason: 'REQUIRED' })]);
    const untyped = await app.inject({ method: 'POST', url, headers: ADMIN, payload: Buffer.from('x') });
    expect(untyped.statusCode).toBe(400);
    expect(untyped.json().errors).toEqual([expect.objectContaining({ path: 'headers.content-type' })]);
    expect(fx.fake.calls).toHaveLength(0);
  });
});
