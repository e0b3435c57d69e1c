import { ValidationError } from '@govhall/errors';
import { CLERK, caseAtWindow, windowSetup } from '../window.test-double';
import { recordCorrectionUseCase } from './record-correction.usecase';

describe('recordCorrection', () => {
  it('records the corrections and the corrected form; the status stays PRE_REVIEW', async () => {
    const s = windowSetup();
    const c = s.put(caseAtWindow());
    const next = await recordCorrectionUseCase(s.deps)(
      {
        id: c.id,
        expectedVersion: 1,
        corrections: [{ field: 'shopName', materialId: '', note: '店铺名称与营业执照不一致，已当场更正' }],
        formData: JSON.stringify({ shopName: '张三小吃店' }),
      },
      CLERK,
      {},
    );
    expect(next.status).toBe('pre_review');
    expect(next.version).toBe(2);
    expect(next.formData).toBe('{"shopName":"张三小吃店"}');
    expect(next.corrections).toEqual([
      expect.objectContaining({
        field: 'shopName',
        recordedBy: CLERK.username,
        note: '店铺名称与营业执照不一致，已当场更正',
      }),
    ]);
    expect(s.events.map((e) => e.transition)).toEqual(['corrected_on_the_spot']);
  });

  it('refuses no corrections, an unknown material and a form that fails the schema, changing nothing', async () => {
    const s = windowSetup();
    const c = s.put(caseAtWindow());
    const run = (corrections: { field: string; materialId: string; note: string }[], formData = '') =>
      recordCorrectionUseCase(s.deps)({ id: c.id, expectedVersion: 1, corrections, formData }, CLERK, {});
    await expect(run([])).rejects.toBeInstanceOf(ValidationError);
    const bad = await run([{ field: '', materialId: 'm-none', note: '补' }], '{"shopName":1}').catch((e) => e);
    expect((bad as ValidationError).violations.map((v) => v.path).sort()).toEqual([
      'corrections[0].materialId',
      'corrections[0].note',
      'formData.shopName',
    ]);
    expect(s.stored.get(c.id)?.version).toBe(1);
  });

  it('refuses a case that left pre-review, naming its status', async () => {
    const s = windowSetup();
    const c = s.put(caseAtWindow({ status: 'processing' }));
    await expect(
      recordCorrectionUseCase(s.deps)(
        { id: c.id, expectedVersion: 1, corrections: [{ field: 'a', materialId: '', note: '更正说明' }], formData: '' },
        CLERK,
        {},
      ),
    ).rejects.toMatchObject({ code: 'WRONG_STATE', metadata: { currentStatus: 'processing' } });
  });
});
