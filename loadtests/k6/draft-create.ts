// Drafting catalogue items through the gateway at a constant arrival rate: each request has its own idempotency
// key, so each creates an item and an outbox event (catalogue → Kafka → supervision).
//
//   k6 run -e BASE_URL=http://127.0.0.1:3000 -e TOKEN=... loadtests/k6/draft-create.ts
//
// The token must be a center_admin's of TENANT (default 620321). RATE [50]/s for DURATION [2m].
import http from 'k6/http';
import { check } from 'k6';
import exec from 'k6/execution';
import type { Options } from 'k6/options';
import { BASE_URL, authHeaders, draftItem, envNumber } from './common.ts';

const RATE = envNumber('RATE', 50);
const NAME = 'POST /api/v1/catalogue/items';

export const options: Options = {
  scenarios: {
    draft_create: {
      executor: 'constant-arrival-rate',
      rate: RATE,
      timeUnit: '1s',
      duration: __ENV.DURATION ?? '2m',
      preAllocatedVUs: envNumber('PRE_VUS', 50),
      maxVUs: envNumber('MAX_VUS', 300),
    },
  },
  thresholds: {
    [`http_req_failed{name:${NAME}}`]: ['rate<0.01'],
    checks: ['rate>0.99'],
    // Sustained: every scheduled creation ran. (No latency threshold: quality.md sets none for a single write.)
    dropped_iterations: ['count<1'],
  },
  summaryTrendStats: ['min', 'med', 'p(90)', 'p(99)', 'max'],
};

export function setup(): { runId: string } {
  return { runId: Date.now().toString(36) };
}

export default function (data: { runId: string }): void {
  // Unique per request across the whole test: run, VU, and the VU's iteration.
  const key = `k6-${data.runId}-${exec.vu.idInTest}-${exec.vu.iterationInScenario}`;
  const res = http.post(`${BASE_URL}/api/v1/catalogue/items`, draftItem('k6 基准测试事项'), {
    headers: { ...authHeaders(), 'content-type': 'application/json', 'idempotency-key': key },
    tags: { name: NAME },
  });
  check(res, {
    'status 201': (r) => r.status === 201,
    'an id': (r) => r.status === 201 && typeof r.json('id') === 'string',
  });
}
