import { isDomainError } from '@govhall/errors';
import type { Escalation } from '../../domain/escalations/escalation';
import { transferCompleted, transferFailed } from '../../domain/escalations/sender';
import type { EscalationDeps, ParentCenter, ReceiverView } from '../escalations/escalation.ports';

/** Why a transfer attempt failed, as the record keeps it (a reason code, never a message with data in it). */
function failure(error: unknown): string {
  return isDomainError(error) ? error.code : 'PARENT_UNAVAILABLE';
}

/**
 * Sends what the lower center forwarded to its parent: the case (ReceiveEscalation, or ReceiveResupply for a later
 * round), then each file of the round the parent does not hold yet, read from the cases service; once the parent
 * holds them all the record is IN_HANDLING and its forwarding leg finishes. A failed attempt is recorded and retried
 * on the next run; the forwarding leg keeps running. Withdrawals the parent has not heard of are told too.
 */
export function transferEscalationsUseCase(
  deps: Pick<EscalationDeps, 'escalations' | 'parents' | 'cases' | 'clock'>,
  onError: (e: Escalation, error: unknown) => void,
) {
  async function send(e: Escalation, parent: ParentCenter): Promise<ReceiverView> {
    const files = e.files.filter((f) => f.round === e.round).map(({ round: _round, transferred: _t, ...f }) => f);
    let view: ReceiverView;
    if (e.round === 1 || !e.counterpartId) {
      view = await parent.receive({
        requestId: `${e.id}:1`,
        targetTenant: e.targetTenant,
        targetDepartment: e.targetDepartment,
        sourceTenant: e.tenant,
        sourceEscalationId: e.id,
        case: e.case,
        files,
        note: e.note,
        forwardedByName: e.forwardedBy,
      });
    } else {
      view = await parent.receiveResupply({
        escalationId: e.counterpartId,
        round: e.round,
        note: e.note,
        files,
        forwardedByName: e.forwardedBy,
      });
    }
    for (const file of files) {
      if (view.state !== 'transferring' || view.transferredFileIds.includes(file.id)) continue;
      const content = await deps.cases.fileContent(e.tenant, e.case.caseId, file.id);
      view = await parent.putFile(view.id, file.id, content);
    }
    return view;
  }

  async function transferOne(e: Escalation): Promise<boolean> {
    const parent = deps.parents.of(e.targetTenant);
    if (!parent) return false;
    try {
      const view = await send(e, parent);
      if (view.state === 'transferring') return false;
      const change = transferCompleted({ ...e, counterpartId: view.id }, view.id, deps.clock.now());
      await deps.escalations.save(change.escalation, e.version, change.events);
      return true;
    } catch (error) {
      onError(e, error);
      await deps.escalations.save(transferFailed(e, failure(error), deps.clock.now()), e.version, []);
      return false;
    }
  }

  async function tellWithdrawal(e: Escalation): Promise<boolean> {
    const parent = deps.parents.of(e.targetTenant);
    if (!parent) return false;
    try {
      if (e.counterpartId) await parent.withdraw(e.counterpartId, e.withdrawnReason || '办件已终止');
      await deps.escalations.save({ ...e, withdrawPending: false }, e.version, []);
      return true;
    } catch (error) {
      onError(e, error);
      return false;
    }
  }

  /** One run over the records waiting; answers how many were completed. */
  return async (limit = 20): Promise<number> => {
    let done = 0;
    for (const e of await deps.escalations.sendersIn(['transferring'], limit)) if (await transferOne(e)) done++;
    for (const e of await deps.escalations.sendersIn(['withdrawn'], limit)) {
      if (e.withdrawPending && (await tellWithdrawal(e))) done++;
    }
    return done;
  };
}
