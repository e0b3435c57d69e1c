#!/usr/bin/env node
import { generateService } from './generate';
import { checkPort, UsageError } from './names';

const USAGE = 'usage: scripts/new-service.sh <name> --grpc-port <port> --metrics-port <port> [--entity <name>]';

/** Parses `<name> --flag value …`; every flag takes a value. */
export function parseArgs(argv: string[]) {
  const flags: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [flag, inline] = arg.split('=', 2) as [string, string | undefined];
    if (!['--grpc-port', '--metrics-port', '--entity', '--root'].includes(flag)) {
      throw new UsageError(`unknown option ${flag}; ${USAGE}`);
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value; ${USAGE}`);
    flags[flag] = value;
  }
  if (positional.length !== 1) throw new UsageError(`expected exactly one service name; ${USAGE}`);
  return {
    root: flags['--root'] ?? process.cwd(),
    name: positional[0]!,
    entity: flags['--entity'],
    grpcPort: checkPort('--grpc-port', flags['--grpc-port']),
    metricsPort: checkPort('--metrics-port', flags['--metrics-port']),
  };
}

function run(): void {
  const result = generateService(parseArgs(process.argv.slice(2)));
  const out = [
    `created ${result.created.length} files:`,
    ...result.created.map((f) => `  + ${f}`),
    `edited ${result.edited.length} files:`,
    ...result.edited.map((f) => `  ~ ${f}`),
    `next: pnpm install && pnpm build && pnpm test:unit --testPathPatterns services/${result.names.name}`,
    '      then docs/new-service.md: the integration test, the chart, and what to change first',
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

if (require.main === module) {
  try {
    run();
  } catch (err: unknown) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`new-service: ${err.message}\n`);
    process.exit(2);
  }
}
