// Catalogue reads through the gateway (gateway → gRPC → catalogue → database), quality.md's target:
// p99 under 50 ms at a steady 1,000 requests/s. Ramps the arrival rate up to RATE, holds it, ramps down.
//
//   k6 run -e BASE_URL=http://127.0.0.1:3000 -e TOKEN=... loadtests/k6/catalogue-read.ts
//
// ITEM_ID: the item to read; without it, setup() drafts one (idempotently) as the token's center administrator.
import http from 'k6/http';
import { check, fail } from 'k6';
import type { Options } from 'k6/options';
import { BASE_URL, authHeaders, draftItem, envNumber, TENANT } from './common.ts';

const RATE = envNumber('RATE', 1000);
const NAME = 'GET /api/v1/catalogue/items/:id';

export const options: Options = {
  scenarios: {
    catalogue_read: {
      executor: 'ramping-arrival-rate',
      startRate: Math.min(50, RATE),
      timeUnit: '1s',
      preAllocatedVUs: envNumber('PRE_VUS', 100),
      maxVUs: envNumber('MAX_VUS', 500),
      stages: [
        { target: RATE, duration: __ENV.RAMP ?? '1m' },
        { target: RATE, duration: __ENV.HOLD ?? '3m' },
        { target: 0, duration: '15s' },
      ],
    },
  },
  thresholds: {
    [`http_req_duration{name:${NAME}}`]: ['p(99)<50'],
    [`http_req_failed{name:${NAME}}`]: ['rate<0.001'],
    checks: ['rate>0.999'],
    // The system kept up: k6 had to skip (almost) no scheduled iteration for lack of a free VU.
    dropped_iterations: [`count<${Math.ceil(RATE)}`],
  },
  summaryTrendStats: ['min', 'med', 'p(90)', 'p(99)', 'max'],
};

export function setup(): { itemId: string } {
  if (__ENV.ITEM_ID) return { itemId: __ENV.ITEM_ID };
  const res = http.post(`${BASE_URL}/api/v1/catalogue/items`, draftItem('k6 读取基准事项'), {
    headers: { ...authHeaders(), 'content-type': 'application/json', 'idempotency-key': `k6-read-target-${TENANT}` },
    tags: { name: 'setup: draft the read target' },
  });
  if (res.status !== 201) fail(`drafting the read target failed: HTTP ${res.status} ${String(res.body)}`);
  return { itemId: String(res.json('id')) };
}

export default function (data: { itemId: string }): void {
  const res = http.get(`${BASE_URL}/api/v1/catalogue/items/${data.itemId}`, {
    headers: authHeaders(),
    tags: { name: NAME },
  });
  check(res, {
    'status 200': (r) => r.status === 200,
    'the item': (r) => r.status === 200 && r.json('id') === data.itemId,
  });
}
