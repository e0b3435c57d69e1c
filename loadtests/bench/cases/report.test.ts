// The cases benchmark's report functions on hand-made runs: the achieved rate, the ratios against the baseline and
// between the phases, when the harness stops escalating, the printed tables; and the bulk cases' status mix.
import { statusOf, STATUS_MIX } from './mix.ts';
import type { PacedRaw } from './pace.ts';
import {
  achievedRate,
  compareScales,
  compareWithBaseline,
  rateText,
  renderCasesReport,
  saturated,
  summarizeRun,
  type CasesReport,
  type CasesRun,
} from './report.ts';

const cpu = {
  machineBusyPct: 50,
  processPctOfOneCore: { 'cbench-gateway': 40, ferretdb: 30 },
  unattributedPctOfOneCore: 5,
};

function raw(overrides: Partial<PacedRaw> = {}): PacedRaw {
  return {
    rate: 10,
    durationS: 30,
    offered: 300,
    started: 300,
    skipped: 0,
    ok: 300,
    failed: 0,
    unfinished: 0,
    // the last of 300 lifecycles (one every 100 ms) started at 29.9 s and took 1.1 s
    spanMs: 31_000,
    lifecycleMs: Array.from({ length: 300 }, (_, i) => 1_000 + (i % 100)),
    requests: {
      open: { ms: Array(300).fill(20), failures: {} },
      accept: { ms: Array(299).fill(80), failures: { 409: 1 } },
    },
    errors: [],
    cases: [],
    peakInFlight: 12,
    ...overrides,
  };
}

const run = (r: PacedRaw, kind: 'baseline' | 'gateway', phase = 'store: 2,000 cases') =>
  summarizeRun(r, { phase, storedCases: 2_000, kind, cpu, rssPeakMiB: { 'cbench-gateway': 180 } });

describe('achievedRate', () => {
  it('reads an unsaturated run as its rate: the last lifecycle finishing one latency after the window does not count', () => {
    // 300 ok over max(30 s, 31 s − 1 s fastest) = 30 s
    expect(achievedRate(raw())).toBeCloseTo(10, 5);
  });

  it('falls as completions spread out: a backlog drained 30 s after the window halves it', () => {
    expect(achievedRate(raw({ spanMs: 61_000 }))).toBeCloseTo(5, 5);
  });

  it('counts only the successful lifecycles, and is 0 without any', () => {
    expect(achievedRate(raw({ ok: 150 }))).toBeCloseTo(5, 5);
    expect(achievedRate(raw({ ok: 0, lifecycleMs: [] }))).toBe(0);
  });
});

describe('summarizeRun, compareWithBaseline, saturated', () => {
  it('summarizes latency per lifecycle and per request kind, with failures by status', () => {
    const r = run(raw(), 'gateway');
    expect(r.lifecycleMs).toMatchObject({ count: 300, p50: 1_049, max: 1_099 });
    expect(r.requests.accept).toMatchObject({ latencyMs: { count: 299, p50: 80 }, failures: { 409: 1 } });
    // 599 answers over 300 lifecycles
    expect(r.requestsPerLifecycle).toBe(2);
  });

  it('gives the gateway run its ratios against the baseline of the same rate', () => {
    const b = run(raw({ lifecycleMs: Array(300).fill(50), spanMs: 29_950 }), 'baseline');
    const g = compareWithBaseline(b, run(raw({ ok: 240 }), 'gateway'));
    expect(g.baseline!.achievedRatio).toBeCloseTo(0.8, 5);
    expect(g.baseline!.lifecycleP99Ratio).toBeCloseTo(1_098 / 50, 5);
  });

  it('calls a run saturated when it falls below 90% of the rate, fails lifecycles, skips or leaves them', () => {
    expect(saturated(run(raw(), 'gateway'))).toBe(false);
    expect(saturated(run(raw({ ok: 260 }), 'gateway'))).toBe(true);
    expect(saturated(run(raw({ failed: 4 }), 'gateway'))).toBe(true);
    expect(saturated(run(raw({ skipped: 1 }), 'gateway'))).toBe(true);
    expect(saturated(run(raw({ unfinished: 1 }), 'gateway'))).toBe(true);
  });
});

describe('compareScales', () => {
  it('pairs the gateway runs of the last phase with the first phase at the same rate', () => {
    const small = [run(raw(), 'gateway'), run(raw({ rate: 20, offered: 600, ok: 600 }), 'gateway')];
    const large = [
      run(raw({ lifecycleMs: Array(300).fill(2_000) }), 'gateway', 'store: 1,002,000 cases (bulk-loaded)'),
    ];
    const unloaded = run(raw({ rate: 1 / 6, lifecycleMs: Array(5).fill(900) }), 'gateway', 'unloaded: one at a time');
    const rows = compareScales([unloaded, ...small, run(raw(), 'baseline'), ...large]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.rate).toBe(10);
    expect(rows[0]!.p50Ratio).toBeCloseTo(2_000 / 1_049, 5);
    expect(rows[0]!.achievedRatio).toBeCloseTo(1, 5);
  });

  it('prints a fractional rate with two decimals', () => {
    expect(rateText(1 / 6)).toBe('0.17');
    expect(rateText(20)).toBe('20');
  });

  it('has nothing to compare with one phase', () => {
    expect(compareScales([run(raw(), 'gateway')])).toEqual([]);
  });
});

describe('renderCasesReport', () => {
  // the baseline's last lifecycle started at 29.9 s and took 50 ms
  const b = run(raw({ lifecycleMs: Array(300).fill(50), spanMs: 29_950 }), 'baseline');
  const g = compareWithBaseline(b, run(raw(), 'gateway'));
  g.lag = {
    cases: 300,
    complete: 300,
    events: 1_800,
    lagMs: { count: 1_800, p50: 120, p90: 300, p99: 900, max: 1_500, mean: 150 },
    drainMs: 400,
  };
  const report: CasesReport = {
    startedAt: '2026-12-03T10:00:00.000Z',
    finishedAt: '2026-12-03T10:30:00.000Z',
    command: 'node bench/lifecycles.ts',
    machine: {
      nproc: 2,
      cpuModel: 'AMD EPYC',
      memTotalGiB: 23.4,
      memAvailableGiBAtEnd: 20,
      node: 'v24.21.0',
      kernel: '6.1',
      loadavgAtStart: [1, 1, 1],
      loadavgAtEnd: [2, 2, 2],
    },
    settings: {},
    notes: ['a lifecycle: 13 requests'],
    bulk: {
      documents: 1_000_000,
      perSecond: 2_000,
      seconds: 500,
      byStatus: { delivered: 850_000 },
      documentBytes: 9_000,
      throughStore: 18_000,
      copiedInPostgres: 982_000,
      indexSeconds: 120,
    },
    runs: [b, g] as CasesRun[],
    rss: {
      before: [{ name: 'cbench-gateway', pid: 1, rssMiB: 120, hwmMiB: 120 }],
      after: [{ name: 'cbench-gateway', pid: 1, rssMiB: 150, hwmMiB: 190 }],
    },
  };
  const text = renderCasesReport(report);
  const tableRow = (first: string) =>
    text
      .split('\n')
      .filter((l) => l.startsWith('| '))
      .map((l) =>
        l
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim()),
      )
      .filter((cells) => cells[0] === first);

  it('prints each run with its achieved rate and its ratios against the baseline', () => {
    expect(tableRow('store: 2,000 cases')).toEqual([
      ['store: 2,000 cases', 'baseline @ 10/s', '10', '10.0', '300', '0', '0', '12', '50', '50', '50', '50', '1', '1'],
      [
        'store: 2,000 cases',
        'gateway @ 10/s',
        '10',
        '10.0',
        '300',
        '0',
        '0',
        '12',
        '1049',
        '1089',
        '1098',
        '1099',
        '1.00',
        '22.0',
      ],
    ]);
  });

  it('prints the latency per request kind with its failures, the lag, CPU, RSS and the bulk load', () => {
    expect(tableRow('accept')).toEqual([['accept', '80 / 80 (1×409)']]);
    expect(tableRow('store: 2,000 cases @ 10/s')).toEqual([
      ['store: 2,000 cases @ 10/s', '300', '300', '1800', '120', '900', '1500', '400 ms'],
    ]);
    expect(tableRow('store gateway @ 10/s')).toEqual([['store gateway @ 10/s', '50%', '40', '30', '5']]);
    expect(tableRow('cbench-gateway')).toEqual([['cbench-gateway', '120.0', '180.0', '150.0', '190.0']]);
    expect(text).toContain(
      '- bulk load: 1,000,000 case documents (~9,000 B each as JSON) in 500 s, 2000 documents/s (secondary indexes dropped first; 18,000 through the store’s API, 982,000 copied inside PostgreSQL); the service restarted and created its indexes in 120 s',
    );
    // one phase: no comparison between phases
    expect(text).not.toContain('Many stored cases');
  });
});

describe('statusOf (the bulk cases)', () => {
  it('gives every 1,000 consecutive cases exactly the status mix', () => {
    for (const from of [0, 1_000, 123_457]) {
      const counts: Record<string, number> = {};
      for (let i = from; i < from + 1_000; i++) counts[statusOf(i)] = (counts[statusOf(i)] ?? 0) + 1;
      expect(counts).toEqual(STATUS_MIX);
    }
  });
});
