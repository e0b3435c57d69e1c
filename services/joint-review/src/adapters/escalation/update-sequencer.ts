import type { EscalationRepository, UpdateSequencer } from '../../usecases/escalations/escalation.ports';

/**
 * A tenant's update sequences, given one write at a time: the next is one more than the highest stored, and the
 * write that takes it is stored before the next is given, so a lower deployment pulling "after n" never misses an
 * update committed late. One process writes the database (the service is its sole writer), so a lock in the process
 * suffices.
 */
export class InProcessSequencer implements UpdateSequencer {
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(private readonly escalations: Pick<EscalationRepository, 'lastSequence'>) {}

  next<T>(tenant: string, write: (sequence: number) => Promise<T>): Promise<T> {
    const previous = this.tails.get(tenant) ?? Promise.resolve();
    const run = previous
      .catch(() => undefined)
      .then(async () => write((await this.escalations.lastSequence(tenant)) + 1));
    const tail = run.catch(() => undefined);
    this.tails.set(tenant, tail);
    void tail.then(() => {
      if (this.tails.get(tenant) === tail) this.tails.delete(tenant);
    });
    return run;
  }
}
