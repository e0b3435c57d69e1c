import type { Principal, Role } from '@govhall/auth';
import { NotFoundError } from '@govhall/errors';
import type { ItemFile } from '../public.ports';
import { foodBusinessLicence, InMemoryPublishedItems, testId } from '../get-published-item/published-item.test-double';
import { InMemoryItemFiles } from '../upload-item-file/item-files.test-double';
import { getItemFileUseCase } from './get-item-file.usecase';

const ANONYMOUS: Principal = { kind: 'user', subject: '', username: '', tenant: '', roles: [], clientId: '' };
const person = (tenant: string, roles: Role[]): Principal => ({
  kind: 'user',
  subject: `sub-${tenant}-${roles.join()}`,
  username: 'someone',
  tenant,
  roles,
  clientId: 'govhall-workbench',
});

function file(tenant = '620321'): ItemFile {
  const id = testId();
  return {
    id,
    tenant,
    fileName: '申请书.pdf',
    contentType: 'application/pdf',
    size: 9,
    sha256: id.replaceAll('-', ''),
    createdAt: new Date(),
    createdBy: 'sub-yc-admin',
  };
}

describe('getItemFile', () => {
  const referenced = file();
  const unreferenced = file();
  const draftOnly = file();
  const files = new InMemoryItemFiles();
  for (const f of [referenced, unreferenced, draftOnly]) void files.insert(f, Buffer.from(`%PDF-${f.id}`));
  const material = foodBusinessLicence().content.materials[0]!;
  const published = new InMemoryPublishedItems(
    foodBusinessLicence({ id: testId() }, { materials: [{ ...material, blankFormFileId: referenced.id }] }),
    foodBusinessLicence(
      { id: testId(), status: 'draft' },
      { materials: [{ ...material, sampleFileId: draftOnly.id }] },
    ),
    // Another tenant's published item naming the file does not make it public.
    foodBusinessLicence(
      { id: testId(), tenant: '620302', department: '620302-SCJG' },
      { materials: [{ ...material, sampleFileId: unreferenced.id }] },
    ),
  );
  const getItemFile = getItemFileUseCase({ files, published });
  const notFound = new NotFoundError('ITEM_FILE_NOT_FOUND', '未找到该文件');

  it('serves a file named by a published item to anyone', async () => {
    const got = await getItemFile(referenced.id, ANONYMOUS);
    expect(got.file).toEqual(referenced);
    expect(got.content.toString()).toBe(`%PDF-${referenced.id}`);
  });

  it('hides a file no published item of its tenant names from the public and other tenants', async () => {
    await expect(getItemFile(unreferenced.id, ANONYMOUS)).rejects.toEqual(notFound);
    await expect(getItemFile(draftOnly.id, ANONYMOUS)).rejects.toEqual(notFound);
    await expect(getItemFile(draftOnly.id, person('620321', ['applicant']))).rejects.toEqual(notFound);
    await expect(getItemFile(draftOnly.id, person('620302', ['center_admin']))).rejects.toEqual(notFound);
  });

  it('serves an unpublished file to staff of its tenant and to supervising staff above it', async () => {
    await expect(getItemFile(draftOnly.id, person('620321', ['window_clerk']))).resolves.toMatchObject({
      file: draftOnly,
    });
    await expect(getItemFile(unreferenced.id, person('620300', ['supervisor']))).resolves.toMatchObject({
      file: unreferenced,
    });
  });

  it('answers NOT_FOUND for an unknown id and rejects a malformed one', async () => {
    await expect(getItemFile(testId(), person('620321', ['center_admin']))).rejects.toEqual(notFound);
    await expect(getItemFile('x', ANONYMOUS)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
