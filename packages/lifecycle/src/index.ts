import type { LifecycleLogger } from './logger';

export type { LifecycleLogger };

export type ShutdownStep = readonly [name: string, run: () => Promise<unknown>];

/**
 * Runs the shutdown steps in order on SIGTERM or SIGINT (once), then exits 0; a failing step is logged and the
 * process exits 1. Order matters: stop taking work first (servers), then drain (relays, consumers), then close
 * connections, telemetry last so the shutdown itself is traced and logged.
 */
export function stopOnSignals(
  logger: LifecycleLogger,
  steps: ShutdownStep[],
  exit: (code: number) => void = process.exit,
): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // How long each step took, in the closing line: a slow shutdown names its step.
    const tookMs: Record<string, number> = {};
    for (const [name, run] of steps) {
      const started = Date.now();
      try {
        await run();
        tookMs[name] = Date.now() - started;
      } catch (err) {
        logger.error({ err, step: name }, 'shutdown step failed');
        exit(1);
        return;
      }
    }
    logger.info({ tookMs }, 'stopped');
    exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/** Logs a failed start on stderr in one line with the stack and exits 1. */
export function exitOnStartFailure(service: string) {
  return (err: unknown): never => {
    process.stderr.write(`${service}: failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  };
}

export { failpoint } from './failpoint';
export { BackgroundWork } from './background-work';
