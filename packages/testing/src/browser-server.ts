import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A page a test serves: status 200 unless given, HTML unless another content type is given. */
export interface ServedPage {
  body: string;
  status?: number;
  contentType?: string;
}

export interface PageServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Every request's path and query, in order (e.g. a login's callback with its code). */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A tiny HTTP server on a free loopback port for browser tests: fixed pages by path (the query is ignored for the
 * lookup); anything else is 404. No caching, so every visit reaches it.
 */
export async function servePages(pages: Record<string, ServedPage>): Promise<PageServer> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const target = req.url ?? '/';
    requests.push(target);
    const page = pages[new URL(target, 'http://127.0.0.1').pathname];
    res.setHeader('cache-control', 'no-store');
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res
      .writeHead(page.status ?? 200, { 'content-type': page.contentType ?? 'text/html; charset=utf-8' })
      .end(page.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
