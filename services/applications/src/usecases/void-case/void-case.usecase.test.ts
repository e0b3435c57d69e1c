import { ValidationError } from '@govhall/errors';
import { CLERK, caseAtWindow, windowSetup } from '../window.test-double';
import { voidCaseUseCase } from './void-case.usecase';

describe('voidCase', () => {
  it('voids a duplicate with the reason → VOIDED', async () => {
    const s = windowSetup();
    const c = s.put(caseAtWindow());
    const next = await voidCaseUseCase(s.deps)(
      { id: c.id, expectedVersion: 1, kind: 'duplicate', reason: '与办件6203212026030200002重复' },
      CLERK,
      {},
    );
    expect(next.status).toBe('voided');
    expect(s.events[0]).toMatchObject({ transition: 'voided', reason: '重复申报：与办件6203212026030200002重复' });
  });

  it('needs the kind and a reason, and refuses after acceptance', async () => {
    const s = windowSetup();
    const c = s.put(caseAtWindow());
    const bad = await voidCaseUseCase(s.deps)({ id: c.id, expectedVersion: 1, kind: '', reason: '' }, CLERK, {}).catch(
      (e) => e,
    );
    expect((bad as ValidationError).violations.map((v) => v.path).sort()).toEqual(['kind', 'reason']);
    const d = s.put(caseAtWindow({ id: '7b0e4b1e-3f0c-4b7e-9a51-1d2c3e4f5a62', status: 'processing' }));
    await expect(
      voidCaseUseCase(s.deps)({ id: d.id, expectedVersion: 1, kind: 'abuse', reason: '恶意重复提交' }, CLERK, {}),
    ).rejects.toMatchObject({ code: 'WRONG_STATE' });
  });
});
