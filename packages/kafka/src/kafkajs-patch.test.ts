// kafkajs 2.2.4 is patched (patches/kafkajs@2.2.4.patch, pnpm-workspace.yaml): an idle connection's request queue
// re-armed a timer with a negative delay forever (kafkajs#1751, #1704) — a 1 ms wake-up loop per broker connection
// in every process, and Node 24's TimeoutNegativeWarning at start. This fails if the patch is lost on an upgrade.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueue = require('kafkajs/src/network/requestQueue');

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

function queue() {
  return new RequestQueue({
    instrumentationEmitter: null,
    maxInFlightRequests: null,
    requestTimeout: 30_000,
    enforceRequestTimeout: false,
    clientId: 'test',
    broker: '127.0.0.1:9092',
    logger: silent,
  });
}

describe('kafkajs request queue (patched)', () => {
  it('arms no timer when nothing is pending and nothing throttles', () => {
    const q = queue();
    q.checkPendingRequests();
    expect(q.throttleCheckTimeoutId).toBeNull();
  });

  it('still schedules a check while throttled with requests pending', () => {
    const q = queue();
    q.throttledUntil = Date.now() + 60_000;
    q.pending.push({});
    q.scheduleCheckPendingRequests();
    expect(q.throttleCheckTimeoutId).not.toBeNull();
    clearTimeout(q.throttleCheckTimeoutId);
  });
});
