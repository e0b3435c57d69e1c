import { ConcurrencyError, ForbiddenError, ValidationError } from '@govhall/errors';
import { createAuthorizer } from '@govhall/auth';
import { defaultCaseSettings, type CaseSettings } from '../../domain/case-settings';
import type { CaseSettingsRepository } from '../declaration.ports';
import { getCaseSettingsUseCase } from '../get-case-settings/get-case-settings.usecase';
import { rejection, staff } from '../handling.test-double';
import { updateCaseSettingsUseCase } from './update-case-settings.usecase';

/** A fake of collection case_settings (unit tests only): versioned like the repository. */
function world() {
  const stored = new Map<string, CaseSettings>();
  const settings: CaseSettingsRepository = {
    get: async (tenant) => stored.get(tenant) ?? defaultCaseSettings(tenant),
    save: async (next, expectedVersion) => {
      if ((stored.get(next.tenant)?.version ?? 0) !== expectedVersion) throw new ConcurrencyError();
      const saved = { ...next, version: expectedVersion + 1 };
      stored.set(next.tenant, saved);
      return saved;
    },
  };
  const deps = { settings, authorizer: createAuthorizer({ warn: () => undefined }) };
  return { get: getCaseSettingsUseCase(deps), update: updateCaseSettingsUseCase(deps), stored };
}

const admin = staff('center_admin', { department: undefined });

const wanted = (overrides: Partial<CaseSettings> = {}): Omit<CaseSettings, 'version'> => ({
  tenant: '620321',
  commonRules: [
    {
      id: 'applicant-id',
      kind: 'field_resident_id',
      field: 'applicant.idNumber',
      op: '',
      value: '',
      materialId: '',
      licenceType: '',
      message: '申请人身份证号码不正确',
    },
  ],
  counterNoticeWorkingDays: 1,
  extensionCenterReview: false,
  hallClosesAt: '18:30',
  ...overrides,
});

describe('GetCaseSettings / UpdateCaseSettings', () => {
  it("the tenant's staff read the defaults (version 0) until the center admin stores settings", async () => {
    const w = world();
    await expect(w.get('620321', staff('reviewer'))).resolves.toEqual(defaultCaseSettings('620321'));
    const saved = await w.update({ settings: wanted(), expectedVersion: 0 }, admin);
    expect(saved).toMatchObject({ version: 1, counterNoticeWorkingDays: 1, extensionCenterReview: false });
    await expect(w.get('620321', staff('window_clerk'))).resolves.toEqual(saved);
    const next = await w.update({ settings: wanted({ counterNoticeWorkingDays: 0 }), expectedVersion: 1 }, admin);
    expect(next.version).toBe(2);
    expect(next.hallClosesAt).toBe('18:30');
  });

  it.each(['11:59', '24:01', '17:60', '7:00', ''])('refuses the closing time %j (12:00 to 24:00, HH:MM)', async (t) => {
    const w = world();
    const bad = await rejection(w.update({ settings: wanted({ hallClosesAt: t }), expectedVersion: 0 }, admin));
    expect(bad.violations).toEqual([expect.objectContaining({ path: 'settings.hallClosesAt', reason: 'PATTERN' })]);
    expect(w.stored.size).toBe(0);
  });

  it('a stale version is ABORTED and the stored settings stay', async () => {
    const w = world();
    const saved = await w.update({ settings: wanted(), expectedVersion: 0 }, admin);
    const stale = await rejection(
      w.update({ settings: wanted({ counterNoticeWorkingDays: 3 }), expectedVersion: 0 }, admin),
    );
    expect(stale).toBeInstanceOf(ConcurrencyError);
    expect(w.stored.get('620321')).toEqual(saved);
  });

  it.each([
    ['a window clerk', staff('window_clerk')],
    ['a department head', staff('department_head')],
    ['a supervisor', staff('supervisor', { department: undefined })],
    ['the center admin of another tenant', staff('center_admin', { department: undefined, tenant: '620302' })],
  ])('%s may not change them (PERMISSION_DENIED), nothing stored', async (_who, actor) => {
    const w = world();
    expect(await rejection(w.update({ settings: wanted(), expectedVersion: 0 }, actor))).toBeInstanceOf(ForbiddenError);
    expect(w.stored.size).toBe(0);
  });

  it('staff of another tenant may not read them; an applicant neither', async () => {
    const w = world();
    const sibling = await rejection(w.get('620321', staff('reviewer', { tenant: '620302' })));
    expect(sibling).toBeInstanceOf(ForbiddenError);
    const applicant = await rejection(w.get('620321', staff('applicant' as never)));
    expect(applicant).toBeInstanceOf(ForbiddenError);
  });

  it('bad settings are INVALID_ARGUMENT at each field, checked before anything is read or stored', async () => {
    const w = world();
    const bad = await rejection(
      w.update(
        {
          settings: wanted({
            tenant: '62',
            counterNoticeWorkingDays: 9,
            hallClosesAt: '5pm',
            commonRules: [
              { ...wanted().commonRules[0]!, id: 'dup' },
              { ...wanted().commonRules[0]!, id: 'dup', kind: 'field_compare', op: 'gt', value: 'abc' },
            ],
          }),
          expectedVersion: -1,
        },
        admin,
      ),
    );
    expect(bad).toBeInstanceOf(ValidationError);
    expect(bad.violations.map((v: { path: string; reason: string }) => `${v.path} ${v.reason}`).sort()).toEqual(
      [
        'expectedVersion REQUIRED',
        'settings.commonRules.1.id DUPLICATE',
        'settings.commonRules.1.value JSON_PARSE',
        'settings.counterNoticeWorkingDays RANGE',
        'settings.hallClosesAt PATTERN',
        'settings.tenant PATTERN',
      ].sort(),
    );
    expect(w.stored.size).toBe(0);
  });
});
