import type { NewNotification } from '@govhall/notify';
import type { Case } from '../../domain/case';
import { InMemoryNotificationInbox } from '../../usecases/in-memory-notification-inbox.test-double';
import type { NotifierDeps } from './tell-applicant';

/**
 * The notifier's ports around one case `c` (of 永昌县): the in-memory inbox, a ledger that keeps each id once, and a
 * count of the dispatcher's wake-ups; `handler` is the handler under test built from them.
 */
export function notifierWorld<H>(c: Case, at: Date, handler: (deps: NotifierDeps) => H) {
  const inbox = new InMemoryNotificationInbox();
  const ledger: NewNotification[] = [];
  let queued = 0;
  const handle = handler({
    core: {
      cases: { findById: async (id: string) => (id === c.id ? c : null) } as never,
      editions: { get: async () => ({ tenantName: '永昌县' }) } as never,
      clock: { now: () => at },
    },
    ledger: {
      enqueue: async (n) => {
        if (ledger.some((e) => e.id === n.id)) return false;
        ledger.push(n);
        return true;
      },
    },
    inbox,
    progressUrl: (n) => `https://hall.example/progress?caseNumber=${n}`,
    queued: () => (queued += 1),
  });
  return { inbox, ledger, handle, queued: () => queued };
}
