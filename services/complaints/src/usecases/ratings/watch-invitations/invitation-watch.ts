import type { RatingInvitation } from '../../../domain/ratings/invitation';
import { PollingHub } from '../../polling-hub';
import type { Clock } from '../../ports';
import type { InvitationRepository } from '../ports';

type Send = (invitation: RatingInvitation | null) => void;

/**
 * The devices watching their windows in this process (a PollingHub): every `pollMs` (and at once on `nudge`, when
 * this process invited or rated) it reads the open invitation of each watched window and sends it to the watchers
 * that have not seen it: a new invitation, or none once it was rated, expired or closed. Reading the store keeps
 * every replica right: an invitation made on one reaches a device watching through another within `pollMs`.
 */
export class InvitationWatch extends PollingHub {
  constructor(
    private readonly store: {
      invitations: InvitationRepository;
      clock: Clock;
      pollMs: number;
      onError: (err: unknown) => void;
    },
  ) {
    super(store);
  }

  /** Watches the window; the first message (its open invitation, or none) follows at once. Returns the unwatch. */
  watchWindow(tenant: string, windowNumber: string, send: Send): () => void {
    /** The invitation id last sent ('' for none); undefined before the first message. */
    let last: string | undefined;
    return this.watch(
      `${tenant}\u0000${windowNumber}`,
      () => this.store.invitations.findOpen(tenant, windowNumber, this.store.clock.now()),
      (open: RatingInvitation | null) => {
        const id = open?.id ?? '';
        if (last === id) return;
        last = id;
        send(open);
      },
    );
  }
}
