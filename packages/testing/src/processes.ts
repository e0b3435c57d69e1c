import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { REPO_ROOT, stack, waitFor } from './stack';

/**
 * What every process a test starts inherits: PATH and HOME, a short Kafka fetch wait, and the stack's mail server
 * (SMTP_HOST, SMTP_PORT from deploy/stack/env.sh) when set, so that a stack on other ports gets its own mail.
 */
function baseEnv(): Record<string, string> {
  const mail = Object.fromEntries(
    (['SMTP_HOST', 'SMTP_PORT'] as const).flatMap((k) => (process.env[k] ? [[k, process.env[k]!]] : [])),
  );
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', KAFKA_FETCH_WAIT_MS: '200', ...mail };
}

export interface RunningProcess {
  name: string;
  child: ChildProcess;
  logFile: string;
  /** SIGTERM and wait for exit (graceful shutdown). */
  stop(): Promise<void>;
  /** SIGKILL: a crash, nothing flushed. */
  kill(): Promise<void>;
}

export interface StartOptions {
  /** Name for logs, e.g. "catalogue". */
  name: string;
  /** Built entry point relative to the repo root, e.g. services/catalogue/dist/main.js */
  entry: string;
  env: Record<string, string>;
  /** TCP port that accepts connections once the process is ready. */
  readyPort: number;
  timeoutMs?: number;
}

export function portOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Ports for the processes under test come from below the kernel's ephemeral range (32768-60999 here): a port taken
 * from the ephemeral range (listen on 0) can be handed to some client's outgoing connection before the process
 * binds it (EADDRINUSE, once in a fresh-clone run). Each port is handed out once per test file and probed by binding.
 */
const TEST_PORTS = { low: 20_000, high: 32_000 };
let nextPort = TEST_PORTS.low + Math.floor(Math.random() * (TEST_PORTS.high - TEST_PORTS.low));

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A free TCP port on loopback, outside the ephemeral range and not handed out before in this test file. */
export async function freePort(): Promise<number> {
  for (let tries = 0; tries < TEST_PORTS.high - TEST_PORTS.low; tries++) {
    const port = nextPort;
    nextPort = nextPort + 1 >= TEST_PORTS.high ? TEST_PORTS.low : nextPort + 1;
    if (await bindable(port)) return port;
  }
  throw new Error(`no free port between ${TEST_PORTS.low} and ${TEST_PORTS.high}`);
}

/** Starts a GovHall process (its own OS process, as in production) and waits until it accepts connections. */
export async function startProcess(options: StartOptions): Promise<RunningProcess> {
  fs.mkdirSync(stack.logDir, { recursive: true });
  const logFile = path.join(stack.logDir, `test-${options.name}.log`);
  const out = fs.openSync(logFile, 'a');
  // The service dies with this test process: it reads the end of its stdin, a pipe this process holds open.
  const preload = path.join(REPO_ROOT, 'packages/testing/dist/exit-with-parent.js');
  const child = spawn(process.execPath, ['--require', preload, path.join(REPO_ROOT, options.entry)], {
    cwd: REPO_ROOT,
    // A short fetch wait: a consumer's stop waits for its open fetch, 5 s by default, and every test file stops
    // its world's services (seconds per file otherwise).
    env: { ...baseEnv(), ...options.env },
    stdio: ['pipe', out, out],
  });
  fs.closeSync(out);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  await waitFor(
    async () => {
      if (exited) throw new Error(`${options.name} exited during start; see ${logFile}`);
      return portOpen(options.readyPort);
    },
    { timeoutMs: options.timeoutMs ?? 30_000, what: `${options.name} on port ${options.readyPort} (log: ${logFile})` },
  );
  const signal = async (sig: NodeJS.Signals) => {
    if (exited) return;
    child.kill(sig);
    await exit;
  };
  return { name: options.name, child, logFile, stop: () => signal('SIGTERM'), kill: () => signal('SIGKILL') };
}

/** Runs a GovHall command (e.g. a seed) to completion as its own process; rejects on a non-zero exit. */
export async function runProcess(options: {
  name: string;
  entry: string;
  args?: string[];
  env: Record<string, string>;
  timeoutMs?: number;
}): Promise<{ logFile: string; output: string }> {
  fs.mkdirSync(stack.logDir, { recursive: true });
  const logFile = path.join(stack.logDir, `test-${options.name}.log`);
  const child = spawn(process.execPath, [path.join(REPO_ROOT, options.entry), ...(options.args ?? [])], {
    cwd: REPO_ROOT,
    // A short fetch wait: a consumer's stop waits for its open fetch, 5 s by default, and every test file stops
    // its world's services (seconds per file otherwise).
    env: { ...baseEnv(), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr.on('data', (b: Buffer) => (output += b.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  fs.appendFileSync(logFile, output);
  if (code !== 0) throw new Error(`${options.name} exited with ${code}; see ${logFile}\n${output.slice(-2000)}`);
  return { logFile, output };
}
