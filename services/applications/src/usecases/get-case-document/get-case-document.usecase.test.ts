import { APPLICANT, HandlingWorld, acceptedCase, rejection, staff } from '../handling.test-double';
import { getCaseDocumentUseCase } from './get-case-document.usecase';

const DOCUMENT_ID = '3c0e4b1e-3f0c-4b7e-9a51-1d2c3e4f5a6b';

describe('GetCaseDocument', () => {
  function world() {
    const w = new HandlingWorld();
    const document = {
      id: DOCUMENT_ID,
      kind: 'acceptance_notice' as const,
      number: '永昌县政务服务中心受理〔2026〕00001号',
      issuedAt: w.now,
      issuedBy: 'yc-clerk',
      sha256: '',
    };
    const c = w.put(acceptedCase({ documents: [document] }));
    w.documents.push({ caseId: c.id, kind: document.kind, details: {}, document });
    return { w, c, get: getCaseDocumentUseCase(w.deps()) };
  }

  it('gives a listed document to the applicant and to the department staff', async () => {
    const { c, get } = world();
    for (const actor of [APPLICANT, staff('reviewer')]) {
      const answer = await get({ caseId: c.id, documentId: DOCUMENT_ID }, actor);
      expect(answer.document).toMatchObject({ id: DOCUMENT_ID, kind: 'acceptance_notice' });
    }
  });

  it('answers a document the case does not list, and a case the caller may not see, as not found', async () => {
    const { c, get } = world();
    const other = '4c0e4b1e-3f0c-4b7e-9a51-1d2c3e4f5a6b';
    expect(await rejection(get({ caseId: c.id, documentId: other }, APPLICANT))).toMatchObject({
      code: 'DOCUMENT_NOT_FOUND',
    });
    const outsider = staff('window_clerk', { department: '620321-RSJ' });
    expect(await rejection(get({ caseId: c.id, documentId: DOCUMENT_ID }, outsider))).toMatchObject({
      code: 'CASE_NOT_FOUND',
    });
    expect(await rejection(get({ caseId: c.id, documentId: 'doc-1' }, APPLICANT))).toMatchObject({
      violations: [expect.objectContaining({ path: 'documentId' })],
    });
  });
});
