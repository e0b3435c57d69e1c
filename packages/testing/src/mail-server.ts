import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from './processes';
import { stack, waitFor } from './stack';

/** A message as Mailpit's API lists it (the fields tests use). */
export interface MailSummary {
  ID: string;
  MessageID: string;
  Subject: string;
  To: { Name: string; Address: string }[];
  From: { Name: string; Address: string };
  Created: string;
}

export interface MailMessage extends MailSummary {
  Text: string;
}

/** Reads a Mailpit through its HTTP API (the stack's, or one a test started). */
export class Mailbox {
  constructor(readonly url: string) {}

  /** Messages matching a Mailpit search (`to:…`, `subject:…`, `message-id:…`), newest first. */
  async search(query: string): Promise<MailSummary[]> {
    const res = await fetch(`${this.url}/api/v1/search?query=${encodeURIComponent(query)}&limit=200`);
    if (!res.ok) throw new Error(`mailpit search ${res.status}`);
    return ((await res.json()) as { messages: MailSummary[] }).messages;
  }

  /** Every message sent to this address. */
  to(address: string): Promise<MailSummary[]> {
    return this.search(`to:"${address}"`);
  }

  async message(id: string): Promise<MailMessage> {
    const res = await fetch(`${this.url}/api/v1/message/${encodeURIComponent(id)}`);
    if (!res.ok) throw new Error(`mailpit message ${res.status}`);
    return (await res.json()) as MailMessage;
  }

  /** Sets Mailpit's chaos triggers (needs --enable-chaos): e.g. `{ Recipient: { ErrorCode: 451, Probability: 100 } }`. */
  async chaos(triggers: Record<string, { ErrorCode: number; Probability: number }>): Promise<void> {
    const res = await fetch(`${this.url}/api/v1/chaos`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(triggers),
    });
    if (!res.ok) throw new Error(`mailpit chaos ${res.status}: ${await res.text()}`);
  }
}

/** The stack's Mailpit (deploy/stack/start.sh mailpit; MAILPIT_URL). */
export function stackMailbox(): Mailbox {
  return new Mailbox(process.env.MAILPIT_URL ?? `http://127.0.0.1:${process.env.MAILPIT_UI_PORT ?? '8025'}`);
}

export interface MailServerUnderTest {
  smtpPort: number;
  mailbox: Mailbox;
  stop(): Promise<void>;
}

/** The Mailpit binary deploy/stack/provision.sh builds. */
export function mailpitBinary(): string {
  const cache =
    process.env.GOVHALL_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'govhall');
  return path.join(cache, `mailpit-${process.env.MAILPIT_VERSION ?? 'v1.33.1'}`, 'mailpit');
}

/**
 * Starts a private Mailpit on free ports with its own database in a temporary directory (several test runs at
 * once do not see each other's mail). `chaos` enables the API that makes its SMTP server refuse on demand.
 */
export async function startMailServer(options: { chaos?: boolean } = {}): Promise<MailServerUnderTest> {
  const bin = mailpitBinary();
  if (!fs.existsSync(bin)) throw new Error(`${bin} is missing: run bash deploy/stack/provision.sh mailpit`);
  const [smtpPort, uiPort] = [await freePort(), await freePort()];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govhall-mailpit-'));
  fs.mkdirSync(stack.logDir, { recursive: true });
  const out = fs.openSync(path.join(stack.logDir, 'test-mailpit.log'), 'a');
  const child = spawn(
    bin,
    [
      '--smtp',
      `127.0.0.1:${smtpPort}`,
      '--listen',
      `127.0.0.1:${uiPort}`,
      '--database',
      path.join(dir, 'mailpit.db'),
      '--smtp-disable-rdns',
      '--disable-version-check',
      '--quiet',
      ...(options.chaos ? ['--enable-chaos'] : []),
    ],
    { stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const mailbox = new Mailbox(`http://127.0.0.1:${uiPort}`);
  await waitFor(
    async () => {
      if (exited) throw new Error('mailpit exited during start; see test-mailpit.log');
      return (await fetch(`${mailbox.url}/readyz`).catch(() => undefined))?.ok;
    },
    { timeoutMs: 20_000, what: `mailpit on ${uiPort}` },
  );
  return {
    smtpPort,
    mailbox,
    async stop() {
      if (!exited) {
        child.kill('SIGTERM');
        await exit;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
