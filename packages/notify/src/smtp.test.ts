import * as net from 'node:net';
import { DeliveryError } from './delivery';
import { SmtpEmailSender, notificationMessageId } from './smtp';

/**
 * A scripted SMTP server on loopback (test double): answers each command as `reply` says; `'drop'` closes the
 * connection without an answer. `afterData` is the answer to the message body (after the final dot).
 */
function scriptedServer(script: { rcpt?: string; afterData?: string | 'drop' }) {
  const received: string[] = [];
  const server = net.createServer((socket) => {
    let inData = false;
    let buffer = '';
    socket.write('220 test ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let i: number;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (inData) {
          if (line !== '.') {
            received.push(line);
            continue;
          }
          inData = false;
          const answer = script.afterData ?? '250 2.0.0 queued as X1';
          if (answer === 'drop') socket.destroy();
          else socket.write(`${answer}\r\n`);
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO') socket.write('250-test\r\n250 8BITMIME\r\n');
        else if (verb === 'MAIL') socket.write('250 OK\r\n');
        else if (verb === 'RCPT') socket.write(`${script.rcpt ?? '250 OK'}\r\n`);
        else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('500 what\r\n');
      }
    });
  });
  return new Promise<{ port: number; received: string[]; close: () => Promise<void> }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        port: (server.address() as net.AddressInfo).port,
        received,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

const message = { id: 'evt-1:email', to: 'zhangsan@example.cn', subject: '受理通知', text: '张三：您的申请已受理。' };
const sender = (port: number) =>
  new SmtpEmailSender({
    host: '127.0.0.1',
    port,
    from: '"永昌县政务服务中心" <noreply@govhall.local>',
    socketTimeoutMs: 5_000,
  });

async function failure(p: Promise<unknown>): Promise<DeliveryError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError;
}

describe('SmtpEmailSender', () => {
  it('sends UTF-8 Chinese text with a Message-ID derived from the notification id', async () => {
    const server = await scriptedServer({});
    try {
      const receipt = await sender(server.port).send(message);
      expect(receipt).toEqual({ response: '250 2.0.0 queued as X1', messageId: '<evt-1=3Aemail@govhall.local>' });
      const raw = server.received.join('\n');
      expect(raw).toContain('Message-ID: <evt-1=3Aemail@govhall.local>');
      expect(raw).toMatch(/Subject: =\?UTF-8\?B\?/);
      expect(raw).toMatch(/^X-GovHall-Notification: evt-1:email$/im);
    } finally {
      await server.close();
    }
  });

  it('a refused connection is not sent and retryable', async () => {
    const server = await scriptedServer({});
    const { port } = server;
    await server.close();
    const err = await failure(sender(port).send(message));
    expect(err.outcome).toBe('not_sent_retryable');
    expect(err.reason).toMatch(/ECONNREFUSED at connect/);
  });

  it('4xx for the recipient is retryable, 5xx permanent', async () => {
    const busy = await scriptedServer({ rcpt: '451 4.7.1 try later' });
    const gone = await scriptedServer({ rcpt: '550 5.1.1 no such user' });
    try {
      expect(await failure(sender(busy.port).send(message))).toMatchObject({
        outcome: 'not_sent_retryable',
        reason: 'smtp 451 at RCPT TO',
      });
      expect(await failure(sender(gone.port).send(message))).toMatchObject({
        outcome: 'not_sent_permanent',
        reason: 'smtp 550 at RCPT TO',
      });
    } finally {
      await busy.close();
      await gone.close();
    }
  });

  it('a connection lost after the message was sent, before the reply, is unknown (may have been delivered)', async () => {
    const server = await scriptedServer({ afterData: 'drop' });
    try {
      const err = await failure(sender(server.port).send(message));
      expect(err.outcome).toBe('unknown');
      expect(server.received.join('\n')).toContain('Message-ID: <evt-1=3Aemail@govhall.local>');
    } finally {
      await server.close();
    }
  });

  it('a refusal of the message itself (4xx after the body) is retryable: the server said it did not take it', async () => {
    const server = await scriptedServer({ afterData: '452 4.3.1 out of storage' });
    try {
      expect((await failure(sender(server.port).send(message))).outcome).toBe('not_sent_retryable');
    } finally {
      await server.close();
    }
  });

  it('Message-IDs are valid for any notification id', () => {
    expect(notificationMessageId('a b<c>@d', 'example.cn')).toBe('<a=20b=3Cc=3E=40d@example.cn>');
    expect(notificationMessageId('a:b')).not.toBe(notificationMessageId('a_b'));
    expect(notificationMessageId('办件-1')).toBe('<=E5=8A=9E=E4=BB=B6-1@govhall.local>');
  });
});
