// The benchmark's BASELINE: a bare Fastify route (no logger, no plugins, no auth, no backend) serving a fixed item
// of the same shape and size as GET /api/v1/catalogue/items/:id. run.ts starts it as its own OS process, like the
// gateway, so both are measured the same way on the same machine by the same Node.
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

const stop = () => void app.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

await app.listen({ host: '127.0.0.1', port });
