import { HandlingWorld, acceptedCase, edition, rejection, staff } from '../handling.test-double';
import { decideOnTheSpotUseCase } from './decide-on-the-spot.usecase';

const SOLE_TRADER = edition({
  name: '个体工商户设立登记',
  basicCode: '000117001000',
  handlingCategory: 'immediate',
  workflow: [{ name: '受理即办', role: 'window_clerk', budgetWorkingDays: 0, responsibleName: '李受理' }],
  deliveryOptions: ['window_pickup', 'electronic'],
});

const atWindow = (status: 'pre_review' | 'pre_review_passed' = 'pre_review') =>
  acceptedCase({
    status,
    itemName: '个体工商户设立登记',
    itemBasicCode: '000117001000',
    handlingCategory: 'immediate',
    channel: 'counter',
    steps: [],
    clocks: { receivedDate: '2026-09-21', acceptedDate: '', noticeDueDate: '' },
  });

describe('DecideOnTheSpot (即办件, A8)', () => {
  it('accepts, decides and issues the licence in one act → COMPLETED with one document', async () => {
    const world = new HandlingWorld();
    world.editionOf = SOLE_TRADER;
    const c = world.put(atWindow());
    const { case: stored, licence } = await decideOnTheSpotUseCase(world.deps())(
      { id: c.id, expectedVersion: 5, outcome: 'approved', reasons: [], deliveryMethod: 'electronic' },
      staff('window_clerk'),
    );
    expect(stored).toMatchObject({ status: 'completed', decidedOnTheSpot: true, licenceId: licence!.id });
    expect(stored.clocks.acceptedDate).toBe('2026-09-21');
    expect(stored.decision).toMatchObject({ outcome: 'approved', decidedBy: 'yc-window-clerk' });
    expect(stored.documents.map((d) => d.kind)).toEqual(['licence']);
    expect(stored.steps).toEqual([
      expect.objectContaining({ name: '受理即办', state: 'done', handledBy: 'yc-window-clerk' }),
    ]);
    expect(licence).toMatchObject({ licenceType: '000117001000', name: '个体工商户设立登记证' });
    expect(stored.delivery).toMatchObject({ method: 'electronic', pickupCode: '' });
    expect(world.events.map((e) => e.transition)).toEqual(['decided_on_the_spot']);
  });

  it('denies on the spot with reasons and remedies, one decision document', async () => {
    const world = new HandlingWorld();
    world.editionOf = SOLE_TRADER;
    const c = world.put(atWindow('pre_review_passed'));
    const { case: stored, licence } = await decideOnTheSpotUseCase(world.deps())(
      { id: c.id, expectedVersion: 5, outcome: 'denied', reasons: ['经营范围属于禁止类项目'], deliveryMethod: '' },
      staff('window_clerk'),
    );
    expect(licence).toBeUndefined();
    expect(stored.status).toBe('completed');
    expect(stored.decision!.remedies).toHaveLength(2);
    expect(stored.documents.map((d) => d.kind)).toEqual(['decision']);
    expect(stored.delivery).toMatchObject({ method: 'window_pickup', pickupCode: '482916' });
  });

  it('refuses an item that is not immediate (FAILED_PRECONDITION) and a clerk of another department', async () => {
    const world = new HandlingWorld();
    const promised = world.put({ ...atWindow(), handlingCategory: 'promised' });
    const decide = decideOnTheSpotUseCase(world.deps());
    const cmd = {
      id: promised.id,
      expectedVersion: 5,
      outcome: 'approved' as const,
      reasons: [],
      deliveryMethod: '' as const,
    };
    expect(await rejection(decide(cmd, staff('window_clerk')))).toMatchObject({ code: 'NOT_IMMEDIATE' });
    world.put(atWindow());
    world.editionOf = SOLE_TRADER;
    expect(await rejection(decide(cmd, staff('window_clerk', { department: '620321-GTZY' })))).toMatchObject({
      code: 'CASE_NOT_FOUND',
    });
    expect(world.licences).toEqual([]);
    expect(world.events).toEqual([]);
  });

  it('收缴分离: an immediate item with fees is not approved on the spot (PAYMENT_OUTSTANDING); denied it may be', async () => {
    const world = new HandlingWorld();
    world.editionOf = { ...SOLE_TRADER, hasFees: true };
    const c = world.put(atWindow());
    const decide = decideOnTheSpotUseCase(world.deps());
    const cmd = {
      id: c.id,
      expectedVersion: 5,
      outcome: 'approved' as const,
      reasons: [],
      deliveryMethod: '' as const,
    };
    expect(await rejection(decide(cmd, staff('window_clerk')))).toMatchObject({ code: 'PAYMENT_OUTSTANDING' });
    expect(world.licences).toEqual([]);
    expect(world.events).toEqual([]);
    const { case: denied } = await decide(
      { ...cmd, outcome: 'denied', reasons: ['经营场所不符合要求'] },
      staff('window_clerk'),
    );
    expect(denied).toMatchObject({ status: 'completed', decision: { outcome: 'denied' } });
  });
});
