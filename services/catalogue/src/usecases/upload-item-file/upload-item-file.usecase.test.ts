import { createHash } from 'node:crypto';
import { createAuthorizer, type Principal, type Role } from '@govhall/auth';
import { ForbiddenError, ValidationError } from '@govhall/errors';
import { InMemoryItemFiles } from './item-files.test-double';
import { MAX_FILE_BYTES, uploadItemFileUseCase, type UploadItemFileInput } from './upload-item-file.usecase';

function staff(username: string, tenant: string, roles: Role[]): Principal {
  return { kind: 'user', subject: `sub-${username}`, username, tenant, roles, clientId: 'govhall-workbench' };
}

const admin = staff('yc-admin', '620321', ['center_admin']);
const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const zip = (...parts: string[]) =>
  Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(parts.join('\0'))]);
const ole2 = (stream: string) =>
  Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(504),
    Buffer.from(stream, 'utf16le'),
  ]);

const upload = (overrides: Partial<UploadItemFileInput> = {}): UploadItemFileInput => ({
  tenant: '620321',
  fileName: '食品经营许可申请书.pdf',
  contentType: 'application/pdf',
  content: PDF,
  ...overrides,
});

describe('uploadItemFile', () => {
  let files: InMemoryItemFiles;
  let uploadItemFile: ReturnType<typeof uploadItemFileUseCase>;
  let n = 0;

  beforeEach(() => {
    files = new InMemoryItemFiles();
    uploadItemFile = uploadItemFileUseCase({
      files,
      authorizer: createAuthorizer({ warn: () => undefined }),
      clock: { now: () => new Date('2026-03-02T01:00:00Z') },
      ids: { newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` },
    });
  });

  it('stores the file with its size and SHA-256 for the center administrator of the tenant', async () => {
    const file = await uploadItemFile(upload({ contentType: 'Application/PDF; charset=binary' }), admin);
    expect(file).toMatchObject({
      tenant: '620321',
      fileName: '食品经营许可申请书.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      createdBy: 'sub-yc-admin',
    });
    expect(files.stored.get(file.id)?.content.equals(PDF)).toBe(true);
  });

  it('refuses a tenant this deployment does not host, storing nothing', async () => {
    const hostedElsewhere = uploadItemFileUseCase({
      files,
      authorizer: createAuthorizer({ warn: () => undefined }),
      clock: { now: () => new Date('2026-03-02T01:00:00Z') },
      ids: { newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}` },
      hostedTenants: ['620302'],
    });
    await expect(hostedElsewhere(upload(), admin)).rejects.toMatchObject({ code: 'TENANT_NOT_HOSTED' });
    expect(files.stored.size).toBe(0);
  });

  it('returns the first file when the same upload is retried', async () => {
    const first = await uploadItemFile(upload(), admin);
    const again = await uploadItemFile(upload(), admin);
    expect(again.id).toBe(first.id);
    expect(files.stored.size).toBe(1);
  });

  it.each([
    [
      'docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      zip('[Content_Types].xml', 'word/document.xml'),
    ],
    [
      'xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      zip('[Content_Types].xml', 'xl/workbook.xml'),
    ],
    ['doc', 'application/msword', ole2('WordDocument')],
    ['xls', 'application/vnd.ms-excel', ole2('Workbook')],
    ['png', 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])],
    ['jpeg', 'image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16])],
    ['ofd', 'application/ofd', zip('OFD.xml', 'Doc_0/Document.xml')],
  ])('accepts a .%s file whose content matches its type', async (extension, contentType, content) => {
    await expect(
      uploadItemFile(upload({ fileName: `样表.${extension}`, contentType, content }), admin),
    ).resolves.toMatchObject({
      contentType,
    });
  });

  it.each([
    [
      'a PDF that is a PNG',
      { content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
      'content TYPE_MISMATCH',
    ],
    [
      'a .docx that is a spreadsheet',
      {
        fileName: 'a.docx',
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        content: zip('xl/workbook.xml'),
      },
      'content TYPE_MISMATCH',
    ],
    [
      'a .doc that is an Excel file',
      { fileName: 'a.doc', contentType: 'application/msword', content: ole2('Workbook') },
      'content TYPE_MISMATCH',
    ],
    [
      'an executable',
      { fileName: 'setup.exe', contentType: 'application/x-msdownload', content: Buffer.from('MZ') },
      'contentType ENUM',
    ],
    ['an empty file', { content: Buffer.alloc(0) }, 'content REQUIRED'],
    ['a file over 4 MiB', { content: Buffer.concat([PDF, Buffer.alloc(MAX_FILE_BYTES)]) }, 'content TOO_LARGE'],
    ['a name with a path', { fileName: '../申请书.pdf' }, 'fileName PATTERN'],
    ['a name with the wrong extension', { fileName: '申请书.docx' }, 'fileName EXTENSION'],
    ['a name with a right-to-left override', { fileName: '申请书\u202Efdp.exe.pdf' }, 'fileName BIDI_CONTROL'],
    ['a name with a control character', { fileName: '申请书\u0000.pdf' }, 'fileName CONTROL_CHARACTER'],
    ['a name of invisible characters', { fileName: '\u200D\u3000\u200C' }, 'fileName BLANK'],
    ['a bad tenant', { tenant: '62032' }, 'tenant PATTERN'],
  ])('rejects %s and stores nothing', async (_label, overrides, violation) => {
    const error = await uploadItemFile(upload(overrides), admin).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).violations.map((v) => `${v.path} ${v.reason}`)).toEqual([violation]);
    expect(files.stored.size).toBe(0);
  });

  it('stores a decomposed (NFD) name composed (NFC), an Extension B character counted as one', async () => {
    const file = await uploadItemFile(upload({ fileName: ' Cafe\u0301样表𠀀.pdf ' }), admin);
    expect(file.fileName).toBe('Caf\u00e9样表𠀀.pdf');
    expect(files.stored.get(file.id)?.file.fileName).toBe('Caf\u00e9样表𠀀.pdf');
    const longest = `${'𠀀'.repeat(116)}.pdf`; // 120 characters, 236 UTF-16 units
    await expect(uploadItemFile(upload({ fileName: longest }), admin)).resolves.toMatchObject({ fileName: longest });
  });

  it('accepts exactly 4 MiB', async () => {
    const content = Buffer.concat([PDF, Buffer.alloc(MAX_FILE_BYTES - PDF.length)]);
    await expect(uploadItemFile(upload({ content }), admin)).resolves.toMatchObject({ size: MAX_FILE_BYTES });
  });

  it.each([
    ['a city administrator for a county', staff('jc-admin', '620300', ['center_admin']), 'TENANT_OUT_OF_SCOPE'],
    ['a window clerk of the tenant', staff('yc-clerk', '620321', ['window_clerk']), 'ROLE_REQUIRED'],
    [
      'a service account',
      { ...staff('service-account-dept', '620321', ['service']), kind: 'service' as const },
      'ROLE_REQUIRED',
    ],
  ])('forbids %s', async (_label, actor, reason) => {
    await expect(uploadItemFile(upload(), actor)).rejects.toEqual(expect.objectContaining({ code: reason }));
    await expect(uploadItemFile(upload(), actor)).rejects.toBeInstanceOf(ForbiddenError);
    expect(files.stored.size).toBe(0);
  });
});
