import type { GrpcServer } from '@govhall/grpc';
import { catalogueV1, enumSpelling, type applicationsV1 } from '@govhall/proto';
import { DEFAULT_HALL_CLOSES_AT, type CaseSettings } from '../../domain/case-settings';
import type { DeclarationDeps } from '../../usecases/declaration.ports';
import type { CaseCore } from '../../usecases/deps';
import { getCaseSettingsUseCase } from '../../usecases/get-case-settings/get-case-settings.usecase';
import { updateCaseSettingsUseCase } from '../../usecases/update-case-settings/update-case-settings.usecase';
import type { HandlerGroup } from './handler-group';

const ruleKind = enumSpelling(catalogueV1.RuleKind, 'RULE_KIND_');

export function toProtoSettings(s: CaseSettings): applicationsV1.CaseSettings {
  return {
    tenant: s.tenant,
    commonRules: s.commonRules.map((r) => ({ ...r, kind: ruleKind.toProto(r.kind) })),
    counterNoticeWorkingDays: s.counterNoticeWorkingDays,
    extensionCenterReview: s.extensionCenterReview,
    version: s.version,
    hallClosesAt: s.hallClosesAt,
  };
}

function fromProtoSettings(s: applicationsV1.CaseSettings | undefined): Omit<CaseSettings, 'version'> {
  return {
    tenant: s?.tenant ?? '',
    commonRules: (s?.commonRules ?? []).map((r) => ({
      id: r.id,
      kind: ruleKind.fromProto(r.kind) ?? '',
      field: r.field,
      op: r.op,
      value: r.value,
      materialId: r.materialId,
      licenceType: r.licenceType,
      message: r.message,
    })),
    counterNoticeWorkingDays: s?.counterNoticeWorkingDays ?? 0,
    extensionCenterReview: s?.extensionCenterReview ?? false,
    hallClosesAt: s?.hallClosesAt || DEFAULT_HALL_CLOSES_AT,
  };
}

/** The tenant's case settings (collection case_settings). */
export function settingsHandlers(
  deps: Pick<DeclarationDeps, 'settings'>,
): HandlerGroup<'getCaseSettings' | 'updateCaseSettings'> {
  return (server: GrpcServer, core: CaseCore) => {
    const all = { ...core, ...deps };
    const get = getCaseSettingsUseCase(all);
    const update = updateCaseSettingsUseCase(all);
    return {
      getCaseSettings: server.unary<applicationsV1.GetCaseSettingsRequest, applicationsV1.GetCaseSettingsResponse>(
        'GetCaseSettings',
        async (req, ctx) => ({ settings: toProtoSettings(await get(req.tenant, ctx.principal)) }),
      ),
      updateCaseSettings: server.unary<
        applicationsV1.UpdateCaseSettingsRequest,
        applicationsV1.UpdateCaseSettingsResponse
      >('UpdateCaseSettings', async (req, ctx) => ({
        settings: toProtoSettings(
          await update(
            { settings: fromProtoSettings(req.settings), expectedVersion: req.expectedVersion },
            ctx.principal,
          ),
        ),
      })),
    };
  };
}
