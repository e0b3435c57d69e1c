import type { Escalation } from '../../domain/escalations/escalation';
import type { ParentCenter, ReceiverView } from '../../usecases/escalations/escalation.ports';
import { hostedTransferPrincipal } from '../../usecases/escalations/system-principal';
import type { pullEscalationUpdatesUseCase } from '../../usecases/pull-escalation-updates/pull-escalation-updates.usecase';
import type { putEscalationFileUseCase } from '../../usecases/put-escalation-file/put-escalation-file.usecase';
import type { receiveEscalationUseCase } from '../../usecases/receive-escalation/receive-escalation.usecase';
import type { receiveResupplyUseCase } from '../../usecases/receive-resupply/receive-resupply.usecase';
import type { getEscalationFileUseCase } from '../../usecases/get-escalation-file/get-escalation-file.usecase';
import type { withdrawEscalationUseCase } from '../../usecases/withdraw-escalation/withdraw-escalation.usecase';

export interface ReceiverUseCases {
  receive: ReturnType<typeof receiveEscalationUseCase>;
  putFile: ReturnType<typeof putEscalationFileUseCase>;
  receiveResupply: ReturnType<typeof receiveResupplyUseCase>;
  withdraw: ReturnType<typeof withdrawEscalationUseCase>;
  getFile: ReturnType<typeof getEscalationFileUseCase>;
  pullUpdates: ReturnType<typeof pullEscalationUpdatesUseCase>;
}

export function receiverView(e: Escalation): ReceiverView {
  return {
    id: e.id,
    state: e.state,
    transferredFileIds: e.files.filter((f) => f.round === e.round && f.transferred).map((f) => f.id),
  };
}

/**
 * A parent hosted by this deployment: the same moves as over gRPC, made by calling the receiver's use cases with
 * the service acting for the parent tenant (ADR 0052).
 */
export class LocalParentCenter implements ParentCenter {
  constructor(
    private readonly targetTenant: string,
    private readonly uc: ReceiverUseCases,
  ) {}

  private get actor() {
    return hostedTransferPrincipal(this.targetTenant);
  }

  async receive(call: Parameters<ParentCenter['receive']>[0]) {
    return receiverView(await this.uc.receive(call, this.actor));
  }

  async putFile(escalationId: string, fileId: string, content: Buffer) {
    return receiverView(await this.uc.putFile({ escalationId, fileId, content }, this.actor));
  }

  async receiveResupply(call: Parameters<ParentCenter['receiveResupply']>[0]) {
    return receiverView(await this.uc.receiveResupply(call, this.actor));
  }

  async withdraw(escalationId: string, reason: string) {
    await this.uc.withdraw({ escalationId, reason }, this.actor);
  }

  getFile(escalationId: string, fileId: string) {
    return this.uc.getFile({ escalationId, fileId }, this.actor);
  }

  pullUpdates(targetTenant: string, sourceTenant: string, after: number, max: number) {
    return this.uc.pullUpdates(
      { targetTenant, sourceTenant, afterSequence: after, maxUpdates: max },
      hostedTransferPrincipal(targetTenant),
    );
  }
}
