import { NotFoundError, ValidationError } from '@govhall/errors';
import { APPLICANT, HandlingWorld, acceptedCase, rejection, staff } from '../handling.test-double';
import { getCaseDocumentUseCase } from './get-case-document.usecase';

const DOC_ID = '0f6c2d1e-8a4b-4c3d-9e2f-1a2b3c4d5e6f';

async function worldWithNotice() {
  const world = new HandlingWorld();
  const c = acceptedCase();
  const document = await world.deps().documents.issue(c, 'acceptance_notice', 'yc-window-clerk');
  const withId = { ...document, id: DOC_ID };
  world.documents[0]!.document = withId;
  world.put({ ...c, documents: [withId] });
  return { world, c };
}

describe('GetCaseDocument', () => {
  it('gives the applicant and the department staff the PDF of a document listed on the case', async () => {
    const { world, c } = await worldWithNotice();
    const get = getCaseDocumentUseCase(world.deps());
    for (const reader of [APPLICANT, staff('reviewer'), staff('supervisor', { department: undefined })]) {
      const found = await get({ caseId: c.id, documentId: DOC_ID }, reader);
      expect(found.document).toMatchObject({ id: DOC_ID, kind: 'acceptance_notice' });
    }
  });

  it('is CASE_NOT_FOUND for staff of another department and another applicant', async () => {
    const { world, c } = await worldWithNotice();
    const get = getCaseDocumentUseCase(world.deps());
    const other = staff('reviewer', { department: '620321-ZRZY' });
    const stranger = { ...APPLICANT, subject: 'subject-lisi' };
    for (const reader of [other, stranger]) {
      const refused = await rejection(get({ caseId: c.id, documentId: DOC_ID }, reader));
      expect(refused).toBeInstanceOf(NotFoundError);
      expect(refused.code).toBe('CASE_NOT_FOUND');
    }
  });

  it('is DOCUMENT_NOT_FOUND for a document the case does not list, INVALID_ARGUMENT for a malformed id', async () => {
    const { world, c } = await worldWithNotice();
    const get = getCaseDocumentUseCase(world.deps());
    const missing = await rejection(
      get({ caseId: c.id, documentId: '1f6c2d1e-8a4b-4c3d-9e2f-1a2b3c4d5e6f' }, APPLICANT),
    );
    expect(missing.code).toBe('DOCUMENT_NOT_FOUND');
    const malformed = await rejection(get({ caseId: c.id, documentId: 'doc-1' }, APPLICANT));
    expect(malformed).toBeInstanceOf(ValidationError);
    expect(malformed.violations.map((v: { path: string }) => v.path)).toEqual(['documentId']);
  });
});
