import type { ServiceAccounts } from '@govhall/auth';
import { IdentityTenants } from './adapters/identity/identity-tenants';
import { IdentityWindows } from './adapters/identity/identity-windows';
import { getJointFlowUseCase } from './usecases/get-joint-flow/get-joint-flow.usecase';
import { getReviewSettingsUseCase } from './usecases/get-review-settings/get-review-settings.usecase';
import { listJointFlowsUseCase } from './usecases/list-joint-flows/list-joint-flows.usecase';
import { putJointFlowUseCase } from './usecases/put-joint-flow/put-joint-flow.usecase';
import type { SettingsDeps } from './usecases/settings/settings.ports';
import { updateReviewSettingsUseCase } from './usecases/update-review-settings/update-review-settings.usecase';

/** The settings and flow RPCs of JointReviewService (J9, J13, J3 routes, J7 budgets) wired. */
export function wireSettings(
  shared: Pick<SettingsDeps, 'settings' | 'flows' | 'items' | 'duty' | 'clock' | 'hosted'> & {
    accounts: ServiceAccounts;
    identityAddress: string;
  },
) {
  const windows = new IdentityWindows(shared.identityAddress, shared.accounts);
  const tenants = new IdentityTenants(shared.identityAddress);
  const deps: SettingsDeps = { ...shared, windows, tenants };
  return {
    useCases: {
      getReviewSettings: getReviewSettingsUseCase(deps),
      updateReviewSettings: updateReviewSettingsUseCase(deps),
      getJointFlow: getJointFlowUseCase(deps),
      putJointFlow: putJointFlowUseCase(deps),
      listJointFlows: listJointFlowsUseCase(deps),
    },
    close: () => {
      windows.close();
      tenants.close();
    },
  };
}
