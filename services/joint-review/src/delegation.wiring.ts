import type { GrpcServer } from '@govhall/grpc';
import { ensureIndexes, type Connection } from '@govhall/mongo';
import type { ServiceAccounts } from '@govhall/auth';
import { registerDelegationService } from './adapters/grpc/delegation.grpc-handler';
import { IdentityWindows } from './adapters/identity/identity-windows';
import type { DelegationStreamUseCases } from './adapters/kafka/delegated-case-stream';
import { MongoAgreementRepository } from './adapters/mongo/agreement.repository';
import { MongoDelegatedCaseRepository } from './adapters/mongo/delegated-case.repository';
import { cancelDelegatedCaseUseCase } from './usecases/cancel-delegated-case/cancel-delegated-case.usecase';
import { createAgreementUseCase } from './usecases/create-agreement/create-agreement.usecase';
import type { DecisionTasks } from './usecases/decision-tasks/decision-task.ports';
import { delegatedDecisionTasks, type DelegatedDecisionDeps } from './usecases/delegation/delegated-decision-tasks';
import type { DelegationDeps } from './usecases/delegation/delegation.ports';
import { getAgreementUseCase } from './usecases/get-agreement/get-agreement.usecase';
import { getDelegatedCaseUseCase } from './usecases/get-delegated-case/get-delegated-case.usecase';
import { getDelegationStatisticsUseCase } from './usecases/get-delegation-statistics/get-delegation-statistics.usecase';
import { listAgreementsUseCase } from './usecases/list-agreements/list-agreements.usecase';
import { listDelegatedCasesUseCase } from './usecases/list-delegated-cases/list-delegated-cases.usecase';
import { openDelegatedCaseUseCase } from './usecases/open-delegated-case/open-delegated-case.usecase';
import { recordDelegatedDecisionUseCase } from './usecases/record-delegated-decision/record-delegated-decision.usecase';
import { recordDelegatedReplyUseCase } from './usecases/record-delegated-reply/record-delegated-reply.usecase';
import { terminateAgreementUseCase } from './usecases/terminate-agreement/terminate-agreement.usecase';
import { transferDelegatedCaseUseCase } from './usecases/transfer-delegated-case/transfer-delegated-case.usecase';
import { updateAgreementUseCase } from './usecases/update-agreement/update-agreement.usecase';

/** The collections of delegated acceptance: agreements, and delegated cases with their outbox. */
export interface DelegationStore {
  agreements: MongoAgreementRepository;
  delegatedCases: MongoDelegatedCaseRepository;
}

export async function openDelegationStore(connection: Connection): Promise<DelegationStore> {
  const agreements = new MongoAgreementRepository(connection);
  const delegatedCases = new MongoDelegatedCaseRepository(connection);
  await ensureIndexes([agreements.model, delegatedCases.model]);
  return { agreements, delegatedCases };
}

/** Delegated acceptance (代受理, J7, J8): its case-stream use cases and DelegationService. */
export interface DelegationWiring {
  stream: DelegationStreamUseCases;
  /** The DELEGATED_DECISION tasks department systems take (DepartmentSystemService). */
  decisionTasks: DecisionTasks;
  register(server: GrpcServer, afterWrite: () => void): void;
  close(): void;
}

export function wireDelegation(
  store: DelegationStore,
  shared: Pick<DelegationDeps, 'items' | 'duty' | 'calendars' | 'settings' | 'clock' | 'ids'> & {
    accounts: ServiceAccounts;
    identityAddress: string;
  } & Omit<DelegatedDecisionDeps, keyof DelegationDeps>,
): DelegationWiring {
  const windows = new IdentityWindows(shared.identityAddress, shared.accounts);
  const deps: DelegationDeps = { ...shared, ...store, windows };
  return {
    decisionTasks: delegatedDecisionTasks({
      ...deps,
      attachments: shared.attachments,
      cases: shared.cases,
      decisions: shared.decisions,
    }),
    stream: {
      open: openDelegatedCaseUseCase(deps),
      decide: recordDelegatedDecisionUseCase(deps),
      reply: recordDelegatedReplyUseCase(deps),
      cancel: cancelDelegatedCaseUseCase(deps),
    },
    register: (server, afterWrite) =>
      registerDelegationService(server, {
        createAgreement: createAgreementUseCase(deps),
        updateAgreement: updateAgreementUseCase(deps),
        terminateAgreement: terminateAgreementUseCase(deps),
        getAgreement: getAgreementUseCase(deps),
        listAgreements: listAgreementsUseCase(deps),
        getDelegatedCase: getDelegatedCaseUseCase(deps),
        listDelegatedCases: listDelegatedCasesUseCase(deps),
        transferDelegatedCase: transferDelegatedCaseUseCase(deps),
        getDelegationStatistics: getDelegationStatisticsUseCase(deps),
        afterWrite,
      }),
    close: () => windows.close(),
  };
}
