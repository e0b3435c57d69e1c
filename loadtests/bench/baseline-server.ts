// The benchmark's BASELINE: bare Fastify routes (no logger, no plugins, no auth, no backend). run.ts starts it as
// its own OS process, like the gateway, so both are measured the same way on the same machine by the same Node.
// - GET /baseline/items/:id: a fixed item of the same shape and size as GET /api/v1/catalogue/items/:id;
// - GET /baseline/search?q=: the page the gateway answered for that keyword in the same run (SEARCH_PAGES_FILE,
//   a JSON object keyword → page, written by run.ts), serialized again per request like the item.
// - POST /baseline/cases and POST /baseline/cases/:id/*: the cases benchmark's baseline (lifecycles.ts), the case
//   the gateway answered in the run's probe lifecycle (CASE_FILE), serialized again per request; multipart bodies
//   (the uploads) are read whole and ignored.
import * as fs from 'node:fs';
import Fastify from 'fastify';

const port = Number(process.env.PORT ?? 0);
const item = {
  id: '00000000-0000-4000-8000-000000000000',
  tenant: '620321',
  name: '食品经营许可',
  basicCode: '000172028000',
  kind: '01',
  handlingCategory: 'promised',
  department: '620321-SCJG',
  status: 'draft',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const app = Fastify({ logger: false });
app.get('/baseline/items/:id', async (request) => ({ ...item, id: (request.params as { id: string }).id }));

const pagesFile = process.env.SEARCH_PAGES_FILE;
const pages: Record<string, unknown> = pagesFile ? JSON.parse(fs.readFileSync(pagesFile, 'utf8')) : {};
const emptyPage = { items: [], total: 0 };
app.get('/baseline/search', async (request) => pages[(request.query as { q?: string }).q ?? ''] ?? emptyPage);

const caseFile = process.env.CASE_FILE;
const kase: unknown = caseFile ? JSON.parse(fs.readFileSync(caseFile, 'utf8')) : item;
app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
app.post('/baseline/cases', async (_request, reply) => reply.code(201).send(kase));
app.post('/baseline/cases/:id/*', async () => kase);

const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

await app.listen({ host: '127.0.0.1', port });
