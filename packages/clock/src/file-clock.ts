import { readFileSync } from 'node:fs';

/** A service's "now". */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * TEST ONLY (config CLOCK_FILE, unset in every real deployment): `now()` is the ISO-8601 instant written in the
 * file, read on every call, so an integration test moves a service's time (timers, dates of receipt and
 * acceptance, how late a case is) by rewriting the file, without sleeping. An empty or unreadable file means the
 * real time.
 */
export class FileClock implements Clock {
  constructor(private readonly path: string) {}

  now(): Date {
    try {
      const text = readFileSync(this.path, 'utf8').trim();
      const at = text ? new Date(text) : undefined;
      return at && !Number.isNaN(at.getTime()) ? at : new Date();
    } catch {
      return new Date();
    }
  }
}

/** The clock a service runs on: the file's instant when `clockFile` is set (tests), else the real time. */
export function clockFromConfig(clockFile: string): Clock {
  return clockFile ? new FileClock(clockFile) : systemClock;
}
