import { ValidationError } from '@govhall/errors';
import type { Case } from '../../domain/case';
import { HandlingWorld, acceptedCase, rejection, staff } from '../handling.test-double';
import { deliverResultUseCase } from './deliver-result.usecase';

const completed = (method: 'window_pickup' | 'post' | 'electronic' = 'window_pickup'): Case => {
  const base = acceptedCase();
  return {
    ...base,
    status: 'completed',
    licenceId: 'lic-1',
    delivery: {
      method,
      pickupCode: method === 'window_pickup' ? '482916' : '',
      trackingNumber: '',
      address: '',
      deliveredBy: '',
    },
    steps: base.steps.map((s) => (s.index < 4 ? { ...s, state: 'done' } : { ...s, state: 'active' })),
  };
};

describe('DeliverResult (送达)', () => {
  it('a wrong pickup code is INVALID_ARGUMENT and changes nothing', async () => {
    const world = new HandlingWorld();
    const c = world.put(completed());
    const refused = await rejection(
      deliverResultUseCase(world.deps())(
        { id: c.id, expectedVersion: 5, method: 'window_pickup', pickupCode: '000000', trackingNumber: '' },
        staff('window_clerk'),
      ),
    );
    expect(refused).toBeInstanceOf(ValidationError);
    expect(refused.violations).toEqual([expect.objectContaining({ path: 'pickupCode', reason: 'MISMATCH' })]);
    expect(world.get(c.id)).toEqual(c);
    expect(world.events).toEqual([]);
  });

  it('the right pickup code delivers → DELIVERED, finishing the 送达 step', async () => {
    const world = new HandlingWorld();
    const c = world.put(completed());
    const stored = await deliverResultUseCase(world.deps())(
      { id: c.id, expectedVersion: 5, method: '', pickupCode: '482916', trackingNumber: '' },
      staff('window_clerk'),
    );
    expect(stored.status).toBe('delivered');
    expect(stored.delivery).toMatchObject({ method: 'window_pickup', deliveredBy: 'yc-window-clerk' });
    expect(stored.steps[4]!.state).toBe('done');
    expect(world.events[0]).toMatchObject({
      transition: 'delivered',
      delivery: { method: 'window_pickup', pickupCode: '' },
    });
  });

  it('post needs the tracking number; electronic needs nothing', async () => {
    const world = new HandlingWorld();
    const post = world.put(completed('post'));
    const deliver = deliverResultUseCase(world.deps());
    const missing = await rejection(
      deliver(
        { id: post.id, expectedVersion: 5, method: 'post', pickupCode: '', trackingNumber: '' },
        staff('window_clerk'),
      ),
    );
    expect(missing.violations[0]).toMatchObject({ path: 'trackingNumber' });
    const posted = await deliver(
      { id: post.id, expectedVersion: 5, method: 'post', pickupCode: '', trackingNumber: 'SF1234567890' },
      staff('window_clerk'),
    );
    expect(posted.delivery).toMatchObject({ method: 'post', trackingNumber: 'SF1234567890' });
    const e = world.put({ ...completed('electronic'), id: '2b0e4b1e-3f0c-4b7e-9a51-1d2c3e4f5a6b' });
    const electronic = await deliver(
      { id: e.id, expectedVersion: 5, method: 'electronic', pickupCode: '', trackingNumber: '' },
      staff('window_clerk'),
    );
    expect(electronic.status).toBe('delivered');
  });

  it('no pickup at the window when no code was made (the result went another way)', async () => {
    const world = new HandlingWorld();
    const c = world.put(completed('electronic'));
    const refused = await rejection(
      deliverResultUseCase(world.deps())(
        { id: c.id, expectedVersion: 5, method: 'window_pickup', pickupCode: '482916', trackingNumber: '' },
        staff('window_clerk'),
      ),
    );
    expect(refused).toMatchObject({ code: 'NO_PICKUP_CODE' });
  });
});
