import { randomBytes } from 'node:crypto';
import { PDFParse } from 'pdf-parse';

/** One HTTP answer of the gateway, its JSON body parsed. */
export interface Reply {
  status: number;
  body: any;
  contentType: string;
  headers: Headers;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** `api(method, path, options)` against `base()` + path, JSON in and out (base is read per call: set in beforeAll). */
export function apiClient(base: () => string) {
  return async (method: string, path: string, options: RequestOptions = {}): Promise<Reply> => {
    const res = await fetch(`${base()}${path}`, {
      method,
      headers: {
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...options.headers,
      },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });
    return toReply(res);
  };
}

export async function toReply(res: Response): Promise<Reply> {
  const text = await res.text();
  return {
    status: res.status,
    body: text ? JSON.parse(text) : undefined,
    contentType: res.headers.get('content-type') ?? '',
    headers: res.headers,
  };
}

/** A problem+json answer with this status (and code). */
export function expectProblem(
  reply: Pick<Reply, 'status' | 'contentType' | 'body'>,
  status: number,
  code?: string,
): void {
  expect(reply.contentType).toContain('application/problem+json');
  expect(reply.status).toBe(status);
  if (code) expect(reply.body.code).toBe(code);
}

export const unique = () => randomBytes(4).toString('hex');

/** A 12-digit basic code no seed item has (the seed's start with 0). */
export const newBasicCode = () => `9${String(Math.floor(Math.random() * 1e11)).padStart(11, '0')}`;

/** Text of a PDF, whitespace removed (pdf.js splits lines into runs and wraps long names). */
export async function pdfText(pdf: Buffer): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, '');
  } finally {
    await parser.destroy();
  }
}

/** Today's date in China (UTC+8) plus `days`, as YYYY-MM-DD. */
export function chinaDate(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}
