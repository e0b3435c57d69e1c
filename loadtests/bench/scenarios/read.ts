// Scenario `read`: GET /api/v1/catalogue/items/:id of a draft, a staff read (the public reads /published/:id), with
// BENCH_USER's token: gateway → gRPC → catalogue → the store. Baseline: a bare Fastify route returning an item of the
// same shape.
import { jsonRequest, type Load } from '../load.ts';
import { baselineItem, draftBody, type Scenario, type ScenarioContext } from './scenario.ts';

export function readScenario(ctx: ScenarioContext): Scenario & { target(): string | undefined } {
  const itemsUrl = `${ctx.gatewayUrl}/api/v1/catalogue/items`;
  let itemId: string | undefined;
  return {
    name: 'read',
    label: 'gateway GET item',
    baselineLabel: 'baseline: bare Fastify GET',
    unloaded: true,
    target: () => itemId,

    /** Drafts the item every read fetches, idempotently (the same key each run: the same item in a running catalogue). */
    async prepare() {
      const authorization = `Bearer ${await ctx.token()}`;
      const created = await jsonRequest(itemsUrl, {
        method: 'POST',
        headers: {
          authorization,
          'content-type': 'application/json',
          'idempotency-key': `bench-read-target-${ctx.config.tenant}`,
        },
        body: draftBody(ctx.config, '基准测试读取事项'),
      });
      if (created.status !== 201) {
        throw new Error(`creating the read target failed: HTTP ${created.status} ${JSON.stringify(created.body)}`);
      }
      itemId = String(created.body.id);
      const probe = await jsonRequest(`${itemsUrl}/${itemId}`, { headers: { authorization } });
      if (probe.status !== 200) throw new Error(`reading ${itemId} failed: HTTP ${probe.status}`);
    },

    async gateway(): Promise<Load> {
      const authorization = `Bearer ${await ctx.token()}`;
      return {
        url: `${itemsUrl}/${itemId}`,
        requests: [{ method: 'GET', path: `/api/v1/catalogue/items/${itemId}`, headers: { authorization } }],
      };
    },

    baseline: (baselineUrl) => baselineItem(baselineUrl, itemId),
  };
}
