import type { Principal } from '@govhall/auth';
import { ConcurrencyError, type Violation } from '@govhall/errors';
import { caseSettingsViolations, type CaseSettings } from '../../domain/case-settings';
import { CENTER_ACTS, throwIfInvalid } from '../case.policies';
import type { DeclarationDeps } from '../declaration.ports';
import { tenantViolations } from '../get-case-settings/get-case-settings.usecase';

/**
 * Replaces a tenant's case settings (center_admin of the tenant), if they are still at `expectedVersion` (0 while
 * the defaults apply). Common rules are checked like an item's (kinds, operators, values, what each kind needs).
 */
export function updateCaseSettingsUseCase(deps: Pick<DeclarationDeps, 'settings' | 'authorizer'>) {
  return async (
    command: { settings: Omit<CaseSettings, 'version'>; expectedVersion: number },
    actor: Principal,
  ): Promise<CaseSettings> => {
    const v: Violation[] = tenantViolations(command.settings.tenant, 'settings.tenant');
    if (!Number.isInteger(command.expectedVersion) || command.expectedVersion < 0) {
      v.push({
        path: 'expectedVersion',
        reason: 'REQUIRED',
        message: '请提供读取时的版本号（expectedVersion，未保存过为0）',
      });
    }
    const next: CaseSettings = { ...command.settings, version: command.expectedVersion };
    throwIfInvalid([...v, ...caseSettingsViolations(next)]);
    deps.authorizer.ensure(actor, 'write', { type: 'case_settings', tenant: next.tenant }, CENTER_ACTS);
    const current = await deps.settings.get(next.tenant);
    if (current.version !== command.expectedVersion) throw new ConcurrencyError();
    return deps.settings.save(next, command.expectedVersion);
  };
}
