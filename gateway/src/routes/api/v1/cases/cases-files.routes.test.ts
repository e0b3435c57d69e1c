import { APPLICANT, CASE_ID, startCasesFixture } from './cases.fixtures.test-double';

let fx: Awaited<ReturnType<typeof startCasesFixture>>;
let app: typeof fx.app;
let fake: typeof fx.fake;

// A small per-file limit, so that "too large" is cheap to send.
beforeAll(async () => {
  fx = await startCasesFixture({ CASE_UPLOAD_MAX_FILE_BYTES: '2048' });
  ({ app, fake } = fx);
});
afterAll(() => fx.close());
beforeEach(() => fx.reset());

const URL = `/api/v1/cases/${CASE_ID}/materials/business-licence/files`;
const BOUNDARY = '----govhall-test-boundary';

interface Part {
  name: string;
  fileName?: string;
  content: string | Buffer;
}

/** A multipart/form-data body of `parts` (file parts have a fileName). */
function multipart(parts: Part[]) {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.fileName === undefined ? '' : `; filename="${p.fileName}"`}`;
    const type = p.fileName === undefined ? '' : 'Content-Type: application/octet-stream\r\n';
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`));
    chunks.push(Buffer.isBuffer(p.content) ? p.content : Buffer.from(p.content));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return {
    headers: { ...APPLICANT, 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: Buffer.concat(chunks),
  };
}

describe('cases routes: material uploads (multipart batches)', () => {
  it('sends each file of a batch as one UploadMaterial call, in order, and answers the files and the case', async () => {
    const res = await app.inject({
      method: 'POST',
      url: URL,
      ...multipart([
        { name: 'files', fileName: '营业执照-正本.pdf', content: '%PDF-first' },
        { name: 'files', fileName: 'second.pdf', content: '%PDF-second!' },
        { name: 'files', fileName: 'third.jpg', content: 'jpeg' },
      ]),
    });
    expect(res.statusCode).toBe(200);
    expect(fake.calls.map((c) => [c.method, c.request.fileName, c.request.content.toString()])).toEqual([
      ['uploadMaterial', '营业执照-正本.pdf', '%PDF-first'],
      ['uploadMaterial', 'second.pdf', '%PDF-second!'],
      ['uploadMaterial', 'third.jpg', 'jpeg'],
    ]);
    expect(fake.calls.every((c) => c.request.id === CASE_ID && c.request.materialId === 'business-licence')).toBe(true);
    expect(fake.calls.every((c) => c.authorization === 'Bearer applicant')).toBe(true);
    const body = res.json();
    expect(body.files.map((f: { fileName: string; size: number }) => [f.fileName, f.size])).toEqual([
      ['营业执照-正本.pdf', 10],
      ['second.pdf', 12],
      ['third.jpg', 4],
    ]);
    // The case as the last call left it.
    expect(body.case).toMatchObject({ id: CASE_ID, version: expect.any(Number), status: 'processing' });
    expect(body.case.version).toBeGreaterThanOrEqual(7);
  });

  it('refuses a bad batch whole before any call: empty file, no name, a field that is not a file', async () => {
    const res = await app.inject({
      method: 'POST',
      url: URL,
      ...multipart([
        { name: 'files', fileName: 'ok.pdf', content: 'x' },
        { name: 'files', fileName: 'empty.pdf', content: '' },
        { name: 'files', fileName: '', content: 'y' },
        { name: 'note', content: 'hello' },
      ]),
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['files.1', 'note']));
    expect(res.json().errors.every((e: { message: string }) => /[\u4e00-\u9fff]/.test(e.message))).toBe(true);
    expect(fake.calls).toHaveLength(0);

    const none = await app.inject({ method: 'POST', url: URL, ...multipart([]) });
    expect(none.statusCode).toBe(400);
    expect(none.json().errors).toEqual([expect.objectContaining({ path: 'files', reason: 'REQUIRED' })]);
    expect(fake.calls).toHaveLength(0);
  });

  it('refuses a file over CASE_UPLOAD_MAX_FILE_BYTES (413) and more than 10 files (413), before any call', async () => {
    const big = await app.inject({
      method: 'POST',
      url: URL,
      ...multipart([
        { name: 'files', fileName: 'a.pdf', content: 'x' },
        { name: 'files', fileName: 'big.pdf', content: Buffer.alloc(2049, 1) },
      ]),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'FILE_TOO_LARGE', errors: [{ path: 'files.1', reason: 'MAX_SIZE' }] });
    const many = await app.inject({
      method: 'POST',
      url: URL,
      ...multipart(Array.from({ length: 11 }, (_, i) => ({ name: 'files', fileName: `${i}.pdf`, content: 'x' }))),
    });
    expect(many.statusCode).toBe(413);
    expect(many.json().code).toBe('TOO_MANY_FILES');
    expect(fake.calls).toHaveLength(0);
  });

  it('takes multipart only: JSON is a 415 naming multipart', async () => {
    const res = await app.inject({ method: 'POST', url: URL, headers: APPLICANT, payload: { files: [] } });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', errors: [{ path: 'headers.content-type' }] });
    expect(res.json().detail).toContain('multipart/form-data');
    expect(fake.calls).toHaveLength(0);
  });

  it("stops at the first file the service refuses, naming that file's place in the batch", async () => {
    const res = await app.inject({
      method: 'POST',
      url: URL,
      ...multipart([
        { name: 'files', fileName: 'a.pdf', content: 'x' },
        { name: 'files', fileName: 'bad.exe', content: 'MZ' },
        { name: 'files', fileName: 'c.pdf', content: 'z' },
      ]),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ path: 'files.1', reason: 'FORMAT', message: '该材料只接受 pdf、jpg' }]);
    expect(fake.calls.map((c) => c.request.fileName)).toEqual(['a.pdf', 'bad.exe']);
  });

  it('downloads a material file and a case document as attachments', async () => {
    const file = await app.inject({
      url: `/api/v1/cases/${CASE_ID}/files/f1000000-0000-4000-8000-000000000001`,
      headers: APPLICANT,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain("filename*=UTF-8''%E8%90%A5%E4%B8%9A");
    expect(file.body).toBe('%PD');
    expect(fx.lastCall().request).toEqual({ caseId: CASE_ID, fileId: 'f1000000-0000-4000-8000-000000000001' });

    const pdf = await app.inject({
      url: `/api/v1/cases/${CASE_ID}/documents/d1000000-0000-4000-8000-000000000001`,
      headers: APPLICANT,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/^attachment;/);
    expect(pdf.rawPayload.toString()).toBe('%PDF-1.7');
  });
});
