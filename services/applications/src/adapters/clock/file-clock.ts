import { readFileSync } from 'node:fs';
import type { Clock } from '../../usecases/ports';

/**
 * TEST ONLY (config CLOCK_FILE, unset in every real deployment): `now()` is the ISO-8601 instant written in the
 * file, read on every call, so an integration test moves the service's time (the deemed-acceptance timer, dates of
 * receipt and acceptance) by rewriting the file, without sleeping. An empty or unreadable file means the real time.
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

export function clockFromConfig(clockFile: string): Clock {
  return clockFile ? new FileClock(clockFile) : { now: () => new Date() };
}
