import { bookingSlots, mergeMessages } from './live-session-format';

const msg = (seq: number, text = `m${seq}`) => ({ seq, from: 'asker' as const, authorName: '', text, at: '' });

describe('live session format', () => {
  it('merges messages by seq, each once, in order', () => {
    expect(mergeMessages([msg(1), msg(2)], [msg(2, 'again'), msg(4), msg(3)]).map((m) => [m.seq, m.text])).toEqual([
      [1, 'm1'],
      [2, 'again'],
      [3, 'm3'],
      [4, 'm4'],
    ]);
  });

  it('offers the half hours of working days, 30 minutes ahead at least, China time', () => {
    // Friday 11 December 2026, 16:10 China time: today's last slot is too soon; the weekend is skipped.
    const slots = bookingSlots(new Date('2026-12-11T08:10:00Z'), 3);
    expect(slots[0]).toEqual({ value: '2026-12-14T01:00:00.000Z', label: '12-14 周一 09:00' });
    expect(slots.at(-1)!.label).toBe('12-14 周一 16:30');
    expect(slots).toHaveLength(16);
    // Monday 09:00 China time: 09:30 is the first.
    expect(bookingSlots(new Date('2026-12-14T01:00:00Z'), 0)[0]!.label).toBe('12-14 周一 09:30');
  });
});
