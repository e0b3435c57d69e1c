import { createAuthorizer } from '@govhall/auth';
import { ConcurrencyError, NotFoundError, PreconditionError, ValidationError } from '@govhall/errors';
import type { Case, CaseFile } from '../../domain/case';
import { draftCase } from '../../domain/case.test-double';
import type { Edition } from '../../domain/edition';
import { APPLICANT, edition as handlingEdition, rejection, staff } from '../handling.test-double';
import { MAX_CASE_FILE_BYTES, uploadMaterialUseCase, type UploadMaterialCommand } from './upload-material.usecase';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2048, 0x20)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(512)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(512)]);

/** A draft of 张三 with the edition's two materials (营业执照 and 经营场所平面图, PDF only, 10 MB). */
function draft(overrides: Partial<Case> = {}): Case {
  return draftCase({
    materials: [
      { materialId: 'business-licence', name: '营业执照', required: true, files: [] },
      { materialId: 'floor-plan', name: '经营场所平面图', required: true, files: [] },
    ],
    uploadComplete: true,
    ...overrides,
  });
}

const COUNTER_WINDOW = {
  id: 'window-a03',
  tenant: '620321',
  number: 'A03',
  name: '市场监管窗口',
  department: '620321-SCJG',
  servesDepartments: [],
};

/** Fakes of the ports (unit tests only): the store, the pinned edition and the file store. */
function world(c: Case, editionOf: Edition = handlingEdition(), serving = staff('window_clerk').username) {
  const stored = new Map([[c.id, c]]);
  const files: { caseId: string; file: CaseFile; content: Buffer }[] = [];
  let seq = 0;
  const deps = {
    cases: {
      insert: () => Promise.reject(new Error('not used')),
      findById: async (id: string) => stored.get(id) ?? null,
      findByCaseNumber: async () => null,
      save: async (next: Case, expectedVersion: number) => {
        if (stored.get(next.id)!.version !== expectedVersion) throw new ConcurrencyError();
        const s = { ...next, version: expectedVersion + 1 };
        stored.set(s.id, s);
        return s;
      },
    },
    authorizer: createAuthorizer({ warn: () => undefined }),
    editions: { get: async () => editionOf, current: async () => editionOf },
    files: {
      put: async (caseId: string, file: CaseFile, content: Buffer) => {
        files.push({ caseId, file, content });
      },
      get: async () => null,
    },
    clock: { now: () => new Date('2026-03-02T02:00:00Z') },
    // The case's window, served today by `serving` (the window clerk of staff('window_clerk') by default).
    windows: {
      responsible: async (windowId: string, date: string) => ({
        window: { ...COUNTER_WINDOW, id: windowId },
        date,
        username: serving,
        displayName: '张窗口',
        basis: 'a_post' as const,
      }),
      windowsOf: async () => [COUNTER_WINDOW],
      parentTenant: async () => '',
    },
    ids: { newId: () => `0f6c2d1e-8a4b-4c3d-9e2f-${String(++seq).padStart(12, '0')}` },
  };
  return { upload: uploadMaterialUseCase(deps), stored, files, original: c };
}

const command = (overrides: Partial<UploadMaterialCommand> = {}): UploadMaterialCommand => ({
  id: draftCase().id,
  materialId: 'business-licence',
  fileName: '营业执照.pdf',
  content: PDF,
  ...overrides,
});

/** The refusal is INVALID_ARGUMENT at `path` with `reason`, and neither the case nor the file store changed. */
async function expectRefused(w: ReturnType<typeof world>, cmd: UploadMaterialCommand, path: string, reason: string) {
  const refused = await rejection(w.upload(cmd, APPLICANT));
  expect(refused).toBeInstanceOf(ValidationError);
  expect(refused.violations).toEqual([expect.objectContaining({ path, reason })]);
  expect(w.stored.get(w.original.id)).toEqual(w.original);
  expect(w.files).toEqual([]);
  return refused;
}

describe('UploadMaterial', () => {
  it('stores a PDF for the material, typed by its content, and clears "upload complete"', async () => {
    const w = world(draft());
    const { case: c, file } = await w.upload(command(), APPLICANT);
    expect(file).toMatchObject({ fileName: '营业执照.pdf', contentType: 'application/pdf', size: PDF.length });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(c.materials[0]!.files).toEqual([file]);
    expect(c).toMatchObject({ uploadComplete: false, version: 2 });
    expect(w.files.map((f) => [f.caseId, f.file.id])).toEqual([[c.id, file.id]]);
  });

  it('refuses content of another type than the material takes, whatever the name says', async () => {
    const w = world(draft());
    const png = await expectRefused(w, command({ fileName: '营业执照.pdf', content: PNG }), 'content', 'FILE_TYPE');
    expect(png.violations[0].message).toContain('PNG');
    await expectRefused(w, command({ fileName: '营业执照.pdf', content: EXE }), 'content', 'FILE_TYPE');
  });

  it("refuses a name without the sniffed type's extension", async () => {
    const w = world(draft());
    const refused = await expectRefused(w, command({ fileName: '营业执照.jpg' }), 'fileName', 'EXTENSION');
    expect(refused.violations[0].message).toContain('.pdf');
    await expectRefused(w, command({ fileName: '营业执照' }), 'fileName', 'EXTENSION');
  });

  it("refuses a file over the material's size limit, and over 4 MiB whatever the material allows", async () => {
    const small = world(
      draft(),
      handlingEdition({ materials: [{ ...handlingEdition().materials[0]!, maxSizeKb: 1 }] }),
    );
    const refused = await expectRefused(small, command(), 'content', 'TOO_LARGE');
    expect(refused.violations[0].message).toContain('1KB');
    const big = Buffer.concat([PDF, Buffer.alloc(MAX_CASE_FILE_BYTES)]);
    await expectRefused(world(draft()), command({ content: big }), 'content', 'TOO_LARGE');
  });

  it('refuses bad names and empty content before reading anything', async () => {
    const w = world(draft());
    await expectRefused(w, command({ fileName: '../营业执照.pdf' }), 'fileName', 'PATTERN');
    await expectRefused(w, command({ content: Buffer.alloc(0) }), 'content', 'REQUIRED');
  });

  it('a material the edition does not have is MATERIAL_NOT_FOUND; a case past pre-review is WRONG_STATE', async () => {
    const w = world(draft());
    const unknown = await rejection(w.upload(command({ materialId: 'tax-receipt' }), APPLICANT));
    expect([unknown.constructor, unknown.code]).toEqual([NotFoundError, 'MATERIAL_NOT_FOUND']);
    const submitted = world(draft({ status: 'pre_review' }));
    const wrong = await rejection(submitted.upload(command(), APPLICANT));
    expect([wrong.constructor, wrong.code, wrong.metadata]).toEqual([
      PreconditionError,
      'WRONG_STATE',
      { currentStatus: 'pre_review' },
    ]);
    expect(submitted.files).toEqual([]);
  });

  it("online, only the applicant uploads: the department's clerk is refused after a notice, a reviewer always, another person sees no case", async () => {
    const w = world(draft({ status: 'supplement', windowId: 'window-a03' }));
    const clerk = await rejection(w.upload(command(), staff('window_clerk')));
    expect([clerk.constructor, clerk.code]).toEqual([PreconditionError, 'WRONG_STATE']);
    const reviewer = await rejection(w.upload(command(), staff('reviewer')));
    expect(reviewer.constructor.name).toBe('ForbiddenError');
    const stranger = await rejection(w.upload(command(), { ...APPLICANT, subject: 'subject-lisi' }));
    expect(stranger.code).toBe('CASE_NOT_FOUND');
    expect(w.files).toEqual([]);
    expect(w.stored.get(w.original.id)).toEqual(w.original);
  });

  it('at the counter, the clerk serving the case window scans a paper material into the case (A4)', async () => {
    const w = world(draft({ status: 'pre_review', windowId: 'window-a03', uploadComplete: true }));
    const clerk = staff('window_clerk');
    const { case: saved, file } = await w.upload(command(), clerk, { authorization: 'Bearer t' });
    expect(w.files.map((f) => f.file.id)).toEqual([file.id]);
    expect(saved.materials[0]!.files.map((f) => f.fileName)).toEqual(['营业执照.pdf']);
    expect(saved.uploadComplete).toBe(true);
    expect(saved.history.at(-1)).toMatchObject({
      action: '窗口扫描材料“营业执照”',
      actor: clerk.username,
      actorRole: 'window_clerk',
    });
  });

  it('at the counter, another clerk of the department is refused: the window is served by someone else today', async () => {
    const w = world(draft({ status: 'pre_review', windowId: 'window-a03' }), handlingEdition(), 'yc-clerk-b');
    const refused = await rejection(w.upload(command(), staff('window_clerk')));
    expect([refused.constructor.name, refused.code]).toEqual(['ForbiddenError', 'NOT_WINDOW_RESPONSIBLE']);
    expect(w.files).toEqual([]);
    expect(w.stored.get(w.original.id)).toEqual(w.original);
  });
});
