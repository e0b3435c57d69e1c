// After a failed integration run: the warnings and errors the processes under test logged, a few per log file, so
// that a failure seen only in CI (whose machine is gone afterwards) can be read from its output. The logs are
// pino JSON with personal data already masked (@govhall/logging); only the level, time, message and error are shown.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const [dir, sinceArg] = process.argv.slice(2);
const since = Number(sinceArg ?? 0) * 1000;
const PER_FILE = 6;
const WIDTH = 400;
// Warnings every run logs by design (a refused request in a bad-input test; the test clock's notice).
const ROUTINE = [/^access denied$/, /^TEST CLOCK/];

const files = readdirSync(dir)
  .filter((f) => f.startsWith('test-') && f.endsWith('.log'))
  .map((f) => path.join(dir, f))
  .filter((f) => statSync(f).mtimeMs >= since)
  .sort();
for (const file of files) {
  const lines = [];
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    if (!raw.startsWith('{')) continue;
    let entry;
    try {
      entry = JSON.parse(raw);
    } catch {
      continue;
    }
    if (typeof entry.level !== 'number' || entry.level < 40) continue;
    if (entry.level < 50 && ROUTINE.some((r) => r.test(String(entry.msg ?? '')))) continue;
    const err = entry.err ? ` ${entry.err.type ?? ''}: ${entry.err.message ?? ''}` : '';
    lines.push(
      `  ${entry.time ?? ''} ${entry.level >= 50 ? 'ERROR' : 'WARN'} ${entry.msg ?? ''}${err}`.slice(0, WIDTH),
    );
  }
  if (lines.length === 0) continue;
  console.log(
    `-- ${path.basename(file)}: ${lines.length} warnings/errors, the last ${Math.min(PER_FILE, lines.length)}:`,
  );
  for (const l of lines.slice(-PER_FILE)) console.log(l);
}
