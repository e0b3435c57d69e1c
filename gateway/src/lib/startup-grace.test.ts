import { shedsLoad, STARTUP_GRACE_MS } from './startup-grace';

describe('load shedding after start-up', () => {
  const listening = Date.parse('2026-12-05T11:27:33.698Z');

  it('lets an event-loop lag through while the gateway has just started, or before it listens', () => {
    expect(shedsLoad('eventLoopDelay', listening, listening + 163)).toBe(false);
    expect(shedsLoad('eventLoopDelay', listening, listening + STARTUP_GRACE_MS - 1)).toBe(false);
    expect(shedsLoad('eventLoopDelay', 0, listening)).toBe(false);
  });

  it('sheds for an event-loop lag once the grace is over, and for heap pressure always', () => {
    expect(shedsLoad('eventLoopDelay', listening, listening + STARTUP_GRACE_MS)).toBe(true);
    expect(shedsLoad('heapUsedBytes', listening, listening + 10)).toBe(true);
    expect(shedsLoad('heapUsedBytes', 0, listening)).toBe(true);
  });
});
