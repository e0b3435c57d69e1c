import { ForbiddenError } from '@govhall/errors';
import { invite, type RatingInvitation } from '../../../domain/ratings/invitation';
import { principal } from '../../principal.test-double';
import { InMemoryInvitations } from '../in-memory-ratings.test-double';
import { InvitationWatch } from './invitation-watch';
import { watchInvitationsUseCase } from './watch-invitations.usecase';

function setup() {
  const invitations = new InMemoryInvitations();
  const clock = {
    at: new Date('2026-12-07T02:00:00Z'),
    now() {
      return this.at;
    },
  };
  const errors: unknown[] = [];
  // A long poll: the tests look by nudging, as an invitation or a rating in this process does.
  const hub = new InvitationWatch({ invitations, clock, pollMs: 3_600_000, onError: (e) => errors.push(e) });
  const watch = watchInvitationsUseCase({ watch: hub });
  return { invitations, clock, hub, watch, errors };
}
const device = principal({ username: 'ycx-rating-a01', roles: ['rating_device'], window: 'A01' });
const atWindow = (number: string, id: string, at: Date): RatingInvitation =>
  invite(
    {
      tenant: '620321',
      window: { id: `w-${number}`, number, name: '综合窗口', department: '620321-ZWFW' },
      clerk: { username: 'ycx-clerk', name: '' },
    },
    id,
    at,
    300_000,
  );

describe('WatchInvitations (the rating device)', () => {
  afterEach(() => jest.useRealTimers());

  it('sends the open invitation at once, then each change: a new one, none once rated or expired', async () => {
    const w = setup();
    await w.invitations.insertClosingOthers(atWindow('A01', 'v1', w.clock.at));
    const seen: (string | null)[] = [];
    const stop = w.watch(device, (inv) => seen.push(inv?.id ?? null));
    await w.hub.settled();
    expect(seen).toEqual(['v1']);

    // Another window's invitation is not this device's; nothing new, nothing sent.
    await w.invitations.insertClosingOthers(atWindow('B01', 'other', w.clock.at));
    w.hub.nudge();
    await w.hub.settled();
    expect(seen).toEqual(['v1']);

    await w.invitations.insertClosingOthers(atWindow('A01', 'v2', w.clock.at));
    w.hub.nudge();
    await w.hub.settled();
    await w.invitations.markRated('v2', 'r1');
    w.hub.nudge();
    await w.hub.settled();
    await w.invitations.insertClosingOthers(atWindow('A01', 'v3', w.clock.at));
    w.hub.nudge();
    await w.hub.settled();
    w.clock.at = new Date(w.clock.at.getTime() + 300_000);
    w.hub.nudge();
    await w.hub.settled();
    expect(seen).toEqual(['v1', 'v2', null, 'v3', null]);

    stop();
    expect(w.hub.watching).toBe(0);
    expect(w.errors).toEqual([]);
  });

  it('looks by itself every pollMs, so another replica’s invitation arrives', async () => {
    jest.useFakeTimers();
    const invitations = new InMemoryInvitations();
    const clock = { now: () => new Date('2026-12-07T02:00:00Z') };
    const hub = new InvitationWatch({ invitations, clock, pollMs: 1000, onError: () => undefined });
    const seen: (string | null)[] = [];
    const stop = hub.watchWindow('620321', 'A01', (inv) => seen.push(inv?.id ?? null));
    await hub.settled();
    await invitations.insertClosingOthers(atWindow('A01', 'v1', clock.now()));
    await jest.advanceTimersByTimeAsync(1000);
    await hub.settled();
    expect(seen).toEqual([null, 'v1']);
    stop();
    hub.stop();
  });

  it('refuses a person, and a device whose token names no window', () => {
    const w = setup();
    const send = () => undefined;
    expect(() => w.watch(principal({ roles: ['window_clerk'] }), send)).toThrow(ForbiddenError);
    const unbound = { ...device };
    delete unbound.window;
    expect(() => w.watch(unbound, send)).toThrow(expect.objectContaining({ code: 'DEVICE_NOT_BOUND' }));
    expect(w.hub.watching).toBe(0);
  });
});
