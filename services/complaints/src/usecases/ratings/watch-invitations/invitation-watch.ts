import type { RatingInvitation } from '../../../domain/ratings/invitation';
import type { Clock } from '../../ports';
import type { InvitationRepository } from '../ports';

type Send = (invitation: RatingInvitation | null) => void;
interface Watcher {
  send: Send;
  /** The invitation id last sent ('' for none); undefined before the first message. */
  last?: string;
}

/**
 * The devices watching their windows in this process. Every `pollMs` (and at once on `nudge`, when this process
 * invited or rated) it reads the open invitation of each watched window and sends it to the watchers that have not
 * seen it: a new invitation, or none once it was rated, expired or closed. Reading the store rather than passing
 * invitations between processes keeps every replica right: an invitation made on one reaches a device watching
 * through another within `pollMs`.
 */
export class InvitationWatch {
  private readonly watchers = new Map<string, Set<Watcher>>();
  private timer: NodeJS.Timeout | undefined;
  private looking: Promise<void> | undefined;
  private again = false;

  constructor(
    private readonly deps: {
      invitations: InvitationRepository;
      clock: Clock;
      pollMs: number;
      onError: (err: unknown) => void;
    },
  ) {}

  /** Watches the window; the first message (its open invitation, or none) follows at once. Returns the unwatch. */
  watch(tenant: string, windowNumber: string, send: Send): () => void {
    const key = `${tenant}\u0000${windowNumber}`;
    const watcher: Watcher = { send };
    let set = this.watchers.get(key);
    if (!set) this.watchers.set(key, (set = new Set()));
    set.add(watcher);
    this.timer ??= setInterval(() => this.nudge(), this.deps.pollMs).unref();
    this.nudge();
    return () => {
      set.delete(watcher);
      if (set.size === 0) this.watchers.delete(key);
      if (this.watchers.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = undefined;
      }
    };
  }

  /** Looks again now (after one look in progress ends). */
  nudge(): void {
    if (this.looking) {
      this.again = true;
      return;
    }
    this.looking = this.look()
      .catch(this.deps.onError)
      .finally(() => {
        this.looking = undefined;
        if (this.again) {
          this.again = false;
          this.nudge();
        }
      });
  }

  /** Resolves once the look in progress, if any, is over (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.looking) await this.looking;
  }

  get watching(): number {
    let n = 0;
    for (const set of this.watchers.values()) n += set.size;
    return n;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.watchers.clear();
  }

  private async look(): Promise<void> {
    const now = this.deps.clock.now();
    for (const [key, set] of [...this.watchers]) {
      const [tenant = '', windowNumber = ''] = key.split('\u0000');
      const open = await this.deps.invitations.findOpen(tenant, windowNumber, now);
      const id = open?.id ?? '';
      for (const w of set) {
        if (w.last === id) continue;
        w.last = id;
        w.send(open);
      }
    }
  }
}
