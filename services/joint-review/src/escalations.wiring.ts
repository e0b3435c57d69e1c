import type { GrpcServer } from '@govhall/grpc';
import type { Logger } from '@govhall/logging';
import type { Connection } from '@govhall/mongo';
import { EscalatedCasesClient } from './adapters/cases/escalated-cases';
import type { ServiceAccounts } from '@govhall/auth';
import { DefaultEscalationSettings } from './adapters/escalation/escalation-settings';
import { LocalParentCenter, type ReceiverUseCases } from './adapters/escalation/local-parent-center';
import { ConfiguredParentCenters } from './adapters/escalation/parent-centers';
import { RemoteParentCenter, type RemoteParent } from './adapters/escalation/remote-parent-center';
import { InProcessSequencer } from './adapters/escalation/update-sequencer';
import { registerEscalationService } from './adapters/grpc/escalation.grpc-handler';
import { IdentityTenants } from './adapters/identity/identity-tenants';
import { type MongoFileChunks, MongoUpdateCursors } from './adapters/mongo/file-chunks.repository';
import { MongoEscalationRepository } from './adapters/mongo/escalation.repository';
import { decideEscalationUseCase } from './usecases/decide-escalation/decide-escalation.usecase';
import { escalationDecisionTasks } from './usecases/escalations/escalation-decision-tasks';
import type { EscalationDeps, ParentCenter } from './usecases/escalations/escalation.ports';
import { forwardEscalationUseCase } from './usecases/forward-escalation/forward-escalation.usecase';
import type { AttachmentStore } from './usecases/attachments/attachment.ports';
import { getEscalationFileUseCase } from './usecases/get-escalation-file/get-escalation-file.usecase';
import { getEscalationUseCase } from './usecases/get-escalation/get-escalation.usecase';
import { listFollowUpsUseCase } from './usecases/list-follow-ups/list-follow-ups.usecase';
import { listReceivedEscalationsUseCase } from './usecases/list-received-escalations/list-received-escalations.usecase';
import { mirrorEscalationUpdatesUseCase } from './usecases/mirror-escalation-updates/mirror-escalation-updates.usecase';
import { endEscalatedCaseUseCase, openEscalationUseCase } from './usecases/open-escalation/open-escalation.usecase';
import { pullEscalationUpdatesUseCase } from './usecases/pull-escalation-updates/pull-escalation-updates.usecase';
import { putEscalationFileUseCase } from './usecases/put-escalation-file/put-escalation-file.usecase';
import { receiveEscalationUseCase } from './usecases/receive-escalation/receive-escalation.usecase';
import { receiveResupplyUseCase } from './usecases/receive-resupply/receive-resupply.usecase';
import { recordFollowUpUseCase } from './usecases/record-follow-up/record-follow-up.usecase';
import { reportEscalationOutcomesUseCase } from './usecases/report-escalation-outcomes/report-escalation-outcomes.usecase';
import { reportEscalationStatusUseCase } from './usecases/report-escalation-status/report-escalation-status.usecase';
import { resupplyEscalationUseCase } from './usecases/resupply-escalation/resupply-escalation.usecase';
import { returnEscalationUseCase } from './usecases/return-escalation/return-escalation.usecase';
import { transferEscalationsUseCase } from './usecases/transfer-escalations/transfer-escalations.usecase';
import { withdrawEscalationUseCase } from './usecases/withdraw-escalation/withdraw-escalation.usecase';
import type { ReviewDeps } from './usecases/reviews/review.deps';

export interface EscalationWiring {
  connection: Connection;
  /** Uploaded attachments (returns and decisions carry them). */
  attachments: AttachmentStore;
  /** Where received files' bytes are kept (shared with the attachments). */
  chunks: MongoFileChunks;
  logger: Logger;
  accounts: ServiceAccounts;
  review: Pick<ReviewDeps, 'duty' | 'calendars' | 'clock' | 'ids' | 'settings'>;
  identityAddress: string;
  applicationsAddress: string;
  hosted: ReadonlySet<string>;
  remoteParents: RemoteParent[];
  /** How often the transfer, the updates and the outcome reports run. */
  pollMs: number;
  afterWrite(): void;
}

/**
 * EscalationService (上报件, J3/J4) wired: both sides' use cases, the parents this deployment reaches (hosted here
 * or remote), and the background work — the transfer, the updates flowing down, the outcomes reported to the cases
 * service — run every `pollMs` and right after a write.
 */
export function wireEscalations(w: EscalationWiring) {
  const escalations = new MongoEscalationRepository(w.connection);
  const files = w.chunks;
  const withFiles = () => ({ ...deps, attachments: w.attachments });
  const cursors = new MongoUpdateCursors(w.connection);
  const tenants = new IdentityTenants(w.identityAddress);
  const cases = new EscalatedCasesClient(w.applicationsAddress, w.accounts);
  const parents = new Map<string, ParentCenter>();
  const remotes = w.remoteParents.map((p) => new RemoteParentCenter(p));
  const { settings: reviewSettings, ...review } = w.review;
  const deps: EscalationDeps = {
    ...review,
    escalations,
    files,
    cursors,
    tenants,
    cases,
    parents: new ConfiguredParentCenters(
      parents,
      // `receiver` is defined below; a parent is asked for only once the process runs.
      w.hosted.size === 0 ? (tenant) => new LocalParentCenter(tenant, receiver) : undefined,
    ),
    sequencer: new InProcessSequencer(escalations),
    settings: new DefaultEscalationSettings(reviewSettings, w.review.duty, w.hosted),
    hosted: w.hosted,
  };
  const receiver: ReceiverUseCases = {
    receive: receiveEscalationUseCase(deps),
    putFile: putEscalationFileUseCase(deps),
    receiveResupply: receiveResupplyUseCase(deps),
    withdraw: withdrawEscalationUseCase(deps),
    pullUpdates: pullEscalationUpdatesUseCase(deps),
    getFile: getEscalationFileUseCase(withFiles()),
  };
  for (const tenant of w.hosted) parents.set(tenant, new LocalParentCenter(tenant, receiver));
  w.remoteParents.forEach((p, i) => parents.set(p.targetTenant, remotes[i]!));

  const transfer = transferEscalationsUseCase(deps, (e, err) =>
    w.logger.warn({ escalationId: e.id, err }, 'escalation transfer to the parent center failed; retrying'),
  );
  const mirror = mirrorEscalationUpdatesUseCase(deps, (tenant, err) =>
    w.logger.warn({ tenant, err }, "pulling the parent center's escalation updates failed; retrying"),
  );
  const report = reportEscalationOutcomesUseCase(deps, (e, err) =>
    w.logger.warn({ escalationId: e.id, err }, 'the cases service did not take the escalation outcome yet; retrying'),
  );
  let running: Promise<void> | null = null;
  let again = false;
  /** One pass of the background work; a pass asked for while one runs runs once more after it. */
  const work = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        const moved = (await transfer()) + (await mirror()) + (await report());
        if (moved > 0) {
          w.afterWrite();
          again = true;
        }
      } while (again);
    })()
      .catch((err: unknown) => w.logger.error({ err }, 'escalation background work failed'))
      .finally(() => (running = null));
    return running;
  };
  const timer = setInterval(() => void work(), w.pollMs);

  return {
    models: [escalations.model, cursors.model],
    collection: escalations.model.collection,
    open: openEscalationUseCase(deps),
    end: endEscalatedCaseUseCase(deps),
    /** The parent's decision tasks as department systems take them (DepartmentSystemService). */
    decisionTasks: escalationDecisionTasks(withFiles()),
    /** Runs the background work soon (after a write that leaves some). */
    nudge: () => void work(),
    register(server: GrpcServer) {
      registerEscalationService(server, {
        ...receiver,
        forward: forwardEscalationUseCase(deps),
        resupply: resupplyEscalationUseCase(deps),
        recordFollowUp: recordFollowUpUseCase(deps),
        listFollowUps: listFollowUpsUseCase(deps),
        get: getEscalationUseCase(deps),
        listReceived: listReceivedEscalationsUseCase(deps),
        returnEscalation: returnEscalationUseCase(withFiles()),
        reportStatus: reportEscalationStatusUseCase(deps),
        decide: decideEscalationUseCase(withFiles()),
        afterWrite: () => {
          w.afterWrite();
          void work();
        },
      });
    },
    async stop() {
      clearInterval(timer);
      await running;
      tenants.close();
      cases.close();
      remotes.forEach((r) => r.close());
    },
  };
}
