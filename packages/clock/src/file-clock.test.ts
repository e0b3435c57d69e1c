import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { clockFromConfig, FileClock, systemClock } from './file-clock';

describe('the file clock (test only)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'clock-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers the instant written in the file, read again on every call', () => {
    const file = path.join(dir, 'now');
    const clock = new FileClock(file);
    writeFileSync(file, '2026-11-02T02:00:00Z\n');
    expect(clock.now().toISOString()).toBe('2026-11-02T02:00:00.000Z');
    writeFileSync(file, '2026-12-01T09:30:00+08:00');
    expect(clock.now().toISOString()).toBe('2026-12-01T01:30:00.000Z');
  });

  it('falls back to the real time for a missing, empty or unreadable file', () => {
    const before = Date.now();
    const missing = new FileClock(path.join(dir, 'missing')).now().getTime();
    writeFileSync(path.join(dir, 'bad'), 'not a date');
    const bad = new FileClock(path.join(dir, 'bad')).now().getTime();
    expect(missing).toBeGreaterThanOrEqual(before);
    expect(bad).toBeGreaterThanOrEqual(before);
  });

  it('is the real clock when no file is configured', () => {
    expect(clockFromConfig('')).toBe(systemClock);
    expect(clockFromConfig(path.join(dir, 'now'))).toBeInstanceOf(FileClock);
  });
});
