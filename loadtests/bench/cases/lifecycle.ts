// One case lifecycle through the gateway, as the people who act on it send it, each with their own token:
// the applicant opens a case on 食品经营许可 with a valid form, uploads a small real PDF for every required material,
// marks the upload complete and submits (automatic pre-review → pre_review); the window's clerk accepts (受理 done,
// 审查 active); the reviewer completes 审查; the approver approves (决定); the clerk issues the result (licence into
// the e-licence library, electronic delivery planned → completed) and delivers it electronically (→ delivered).
// And the same number of requests, same methods and bodies, against the bare Fastify baseline route.
import { randomBytes } from 'node:crypto';
import { newCreditCode, userToken } from '@govhall/testing';
import type { Applicant, Login } from './stack.ts';

/** Tokens live 300 s: each login's token is fetched again after 240 s (concurrent callers share one fetch). */
export class TokenCache {
  private readonly tokens = new Map<string, { at: number; token: Promise<string> }>();
  private readonly maxAgeMs: number;
  private readonly now: () => number;

  constructor(maxAgeMs = 240_000, now: () => number = Date.now) {
    this.maxAgeMs = maxAgeMs;
    this.now = now;
  }

  get(login: Login): Promise<string> {
    const held = this.tokens.get(login.username);
    if (held && this.now() - held.at < this.maxAgeMs) return held.token;
    const token = userToken(login.username, { password: login.password });
    this.tokens.set(login.username, { at: this.now(), token });
    token.catch(() => this.tokens.delete(login.username));
    return token;
  }
}

/** A request that did not answer 2xx (status 0: no answer), with what it answered. */
export class RequestFailed extends Error {
  readonly kind: string;
  readonly status: number;

  constructor(kind: string, status: number, detail: string) {
    super(`${kind}: ${status || 'no answer'} ${detail}`.trim());
    this.kind = kind;
    this.status = status;
  }
}

/** Records each request: its kind (e.g. "accept"), its latency and its status (0: no answer). */
export type Recorder = (kind: string, ms: number, status: number) => void;

interface Send {
  method: 'POST' | 'PUT';
  path: string;
  token: string;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
}

/** One timed request; resolves with the parsed JSON body of a 2xx answer, throws RequestFailed otherwise. */
export async function send(base: string, kind: string, req: Send, record: Recorder): Promise<any> {
  const started = performance.now();
  let status = 0;
  let text = '';
  try {
    const res = await fetch(`${base}${req.path}`, {
      method: req.method,
      headers: {
        authorization: `Bearer ${req.token}`,
        ...(req.json !== undefined ? { 'content-type': 'application/json' } : {}),
        ...req.headers,
      },
      body: req.json !== undefined ? JSON.stringify(req.json) : req.form,
      signal: AbortSignal.timeout(60_000),
    });
    status = res.status;
    text = await res.text();
  } catch (e) {
    record(kind, performance.now() - started, 0);
    throw new RequestFailed(kind, 0, e instanceof Error ? e.message : String(e));
  }
  record(kind, performance.now() - started, status);
  if (status < 200 || status >= 300) throw new RequestFailed(kind, status, text.slice(0, 300));
  return text ? JSON.parse(text) : undefined;
}

/**
 * A small real PDF (one page, PDF 1.4, a correct cross-reference table): the gateway and the service sniff the
 * content, so it must start with %PDF and be a PDF.
 */
export function smallPdf(title: string): Buffer {
  const content = `BT /F1 18 Tf 72 720 Td (${title.replace(/[()\\]/g, '')}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** The request kinds of one lifecycle, in order (uploads: one per required material). */
export const lifecycleKinds = (materials: readonly string[]): string[] => [
  'open',
  ...materials.map(() => 'upload'),
  'upload-complete',
  'submit',
  'accept',
  'step-complete',
  'decision',
  'result',
  'delivery',
];

/** How far a lifecycle goes (the templates of the bulk load stop early). */
export type StopAfter = 'open' | 'submit' | 'accept' | 'decision' | 'result' | 'delivery';

export interface LifecycleContext {
  base: string;
  itemId: string;
  materials: string[];
  tokens: TokenCache;
  applicants: Applicant[];
  clerk: Login;
  reviewer: Login;
  approver: Login;
  runId: string;
}

export interface LifecycleResult {
  caseId: string;
  /** The case's version after the last act (its last event carries it). */
  version: number;
  /** The last answer (a case, or {case, licence} of the result). */
  last: any;
}

/** The 食品经营许可 application form (valid against the edition's schema and rules). */
export function foodLicenceForm(applicant: Applicant, n: number): Record<string, unknown> {
  const shop = `永昌县基准测试便利店${n}号`;
  return {
    operator: {
      name: shop,
      creditCode: newCreditCode('620321'),
      legalRepresentative: applicant.name,
      phone: '13909351234',
      address: '永昌县城关镇北海子路1号',
    },
    legalRepresentative: { name: applicant.name, idNumber: applicant.idNumber, phone: '13909351234' },
    premises: { address: '永昌县城关镇北海子路1号', area: 36.5 },
    business: {
      mainType: '食品销售经营者',
      items: ['预包装食品销售（含冷藏冷冻食品）'],
      foodSafetyManager: '李管理',
    },
  };
}

const PDFS = new Map<string, Buffer>();
const pdfOf = (material: string) => {
  let pdf = PDFS.get(material);
  if (!pdf) PDFS.set(material, (pdf = smallPdf(`GovHall benchmark material ${material}`)));
  return pdf;
};

/** A full lifecycle through the gateway (lifecycle `n` of the run), or up to `stopAfter`. */
export async function gatewayLifecycle(
  ctx: LifecycleContext,
  n: number,
  record: Recorder,
  stopAfter: StopAfter = 'delivery',
): Promise<LifecycleResult> {
  const applicant = ctx.applicants[n % ctx.applicants.length]!;
  const key = () => `cb-${ctx.runId}-${randomBytes(6).toString('hex')}`;
  const as = (login: Login) => ctx.tokens.get(login);
  const act = async (
    kind: string,
    path: string,
    login: Login,
    json: Record<string, unknown>,
    headers?: Record<string, string>,
  ) =>
    send(
      ctx.base,
      kind,
      {
        method: 'POST',
        path: `/api/v1/cases/${c.id}/${path}`,
        token: await as(login),
        json: { ...json, expectedVersion: c.version },
        headers,
      },
      record,
    );

  let c = await send(
    ctx.base,
    'open',
    {
      method: 'POST',
      path: '/api/v1/cases',
      token: await as(applicant),
      headers: { 'idempotency-key': key() },
      json: { itemId: ctx.itemId, formData: foodLicenceForm(applicant, n), contact: { mobile: '13909351234' } },
    },
    record,
  );
  if (stopAfter === 'open') return { caseId: c.id, version: c.version, last: c };
  for (const material of ctx.materials) {
    const form = new FormData();
    form.append('files', new Blob([pdfOf(material)], { type: 'application/pdf' }), `${material}.pdf`);
    const res = await send(
      ctx.base,
      'upload',
      { method: 'POST', path: `/api/v1/cases/${c.id}/materials/${material}/files`, token: await as(applicant), form },
      record,
    );
    c = res.case;
  }
  c = await act('upload-complete', 'upload-complete', applicant, {});
  c = await act('submit', 'submit', applicant, {}, { 'idempotency-key': key() });
  if (c.status !== 'pre_review') {
    throw new RequestFailed('submit', 200, `case ${c.id} is ${c.status}: ${JSON.stringify(c.problems ?? [])}`);
  }
  if (stopAfter === 'submit') return { caseId: c.id, version: c.version, last: c };
  c = await act('accept', 'accept', ctx.clerk, { opinion: '材料齐全，予以受理' });
  if (stopAfter === 'accept') return { caseId: c.id, version: c.version, last: c };
  c = await act('step-complete', 'steps/complete', ctx.reviewer, { opinion: '经审查，符合许可条件' });
  c = await act('decision', 'decision', ctx.approver, { outcome: 'approved', reasons: ['符合食品经营许可条件'] });
  if (stopAfter === 'decision') return { caseId: c.id, version: c.version, last: c };
  const result = await act('result', 'result', ctx.clerk, { deliveryMethod: 'electronic' });
  c = result.case;
  if (stopAfter === 'result') return { caseId: c.id, version: c.version, last: result };
  c = await act('delivery', 'delivery', ctx.clerk, { method: 'electronic' });
  if (c.status !== 'delivered') throw new RequestFailed('delivery', 200, `case ${c.id} is ${c.status}`);
  return { caseId: c.id, version: c.version, last: c };
}

/**
 * A lifecycle outside the measured runs (the probe, the bulk load's templates), tried again after an answer that
 * says "later" (503 OVERLOADED on a busy machine, 504): up to 5 times, 3 s apart.
 */
export async function preparedLifecycle(
  ctx: LifecycleContext,
  n: number,
  stopAfter: StopAfter = 'delivery',
): Promise<LifecycleResult> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await gatewayLifecycle(ctx, n, () => undefined, stopAfter);
    } catch (e) {
      if (attempt >= 5 || !(e instanceof RequestFailed) || ![503, 504].includes(e.status)) throw e;
      process.stderr.write(`  (${e.message.slice(0, 80)}: again in 3 s)\n`);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    }
  }
}

/**
 * The baseline of a lifecycle: the same requests (methods, headers, bodies, the multipart uploads) one after the
 * other against the bare Fastify route, which answers each with the case the gateway answered in the probe.
 */
export async function baselineLifecycle(
  ctx: LifecycleContext & { baselineUrl: string; token: string },
  n: number,
  record: Recorder,
): Promise<LifecycleResult> {
  const applicant = ctx.applicants[n % ctx.applicants.length]!;
  const id = '00000000-0000-4000-8000-000000000000';
  const act = (kind: string, path: string, json: Record<string, unknown>, headers?: Record<string, string>) =>
    send(
      ctx.baselineUrl,
      kind,
      {
        method: 'POST',
        path: `/baseline/cases/${id}/${path}`,
        token: ctx.token,
        json: { ...json, expectedVersion: 1 },
        headers,
      },
      record,
    );
  await send(
    ctx.baselineUrl,
    'open',
    {
      method: 'POST',
      path: '/baseline/cases',
      token: ctx.token,
      headers: { 'idempotency-key': `cb-${ctx.runId}-${randomBytes(6).toString('hex')}` },
      json: { itemId: ctx.itemId, formData: foodLicenceForm(applicant, n), contact: { mobile: '13909351234' } },
    },
    record,
  );
  for (const material of ctx.materials) {
    const form = new FormData();
    form.append('files', new Blob([pdfOf(material)], { type: 'application/pdf' }), `${material}.pdf`);
    await send(
      ctx.baselineUrl,
      'upload',
      { method: 'POST', path: `/baseline/cases/${id}/materials/${material}/files`, token: ctx.token, form },
      record,
    );
  }
  await act('upload-complete', 'upload-complete', {});
  await act('submit', 'submit', {}, { 'idempotency-key': `cb-${ctx.runId}-${randomBytes(6).toString('hex')}` });
  await act('accept', 'accept', { opinion: '材料齐全，予以受理' });
  await act('step-complete', 'steps/complete', { opinion: '经审查，符合许可条件' });
  await act('decision', 'decision', { outcome: 'approved', reasons: ['符合食品经营许可条件'] });
  await act('result', 'result', { deliveryMethod: 'electronic' });
  const last = await act('delivery', 'delivery', { method: 'electronic' });
  return { caseId: id, version: 0, last };
}
