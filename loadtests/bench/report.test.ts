// The report module on recorded figures: the write run of 2026-12-03 04:24 UTC (docs/benchmarks.md, "Draft creation
// on the new store"), its ratios recomputed from the raw figures and its tables printed again.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareWithBaseline, renderReport, type BenchReport, type Row } from './report.ts';

const recorded = (): BenchReport =>
  JSON.parse(
    fs.readFileSync(path.join(__dirname, 'fixtures', 'write-2026-12-03T04-24-56-067Z.json'), 'utf8'),
  ) as BenchReport;

/** The recorded rows without the ratios the harness stored, as the runs hand them to the report. */
function rawRows(): Row[] {
  return recorded().results.map(({ baseline: _ratios, ...row }) => row);
}

describe('compareWithBaseline', () => {
  it('gives the ratios docs/benchmarks.md prints for the recorded write run', () => {
    const rows = rawRows();
    const pairs = [];
    for (let i = 0; i < rows.length; i += 2) pairs.push(compareWithBaseline(rows[i]!, rows[i + 1]!));
    expect(pairs.map(([b]) => b.baseline)).toEqual(Array(4).fill({ achievedRateRatio: 1, p99Ratio: 1 }));
    // rate × and p99 × of "gateway POST item" at 20, 100, 150 and 200/s
    expect(pairs.map(([, r]) => [r.baseline!.achievedRateRatio.toFixed(2), r.baseline!.p99Ratio.toFixed(1)])).toEqual([
      ['1.00', '29.2'],
      ['0.98', '27.2'],
      ['0.74', '73.2'],
      ['0.54', '51.5'],
    ]);
  });

  it('has no ratio (NaN, printed "—") against a baseline that answered nothing', () => {
    const [baseline, row] = rawRows() as [Row, Row];
    const empty = { ...baseline, achievedRate: 0, latencyMs: { ...baseline.latencyMs, p99: Number.NaN } };
    const [, compared] = compareWithBaseline(empty, row);
    expect(compared.baseline!.achievedRateRatio).toBeNaN();
    expect(compared.baseline!.p99Ratio).toBeNaN();
  });
});

describe('renderReport', () => {
  const text = renderReport(recorded());
  const tableRow = (first: string) =>
    text
      .split('\n')
      .filter((l) => l.startsWith(`| ${first}`))
      .map((l) =>
        l
          .split('|')
          .slice(1, -1)
          .map((c) => c.trim()),
      );

  it('prints each run with its figures and its ratios against the baseline of the same rate', () => {
    expect(tableRow('gateway POST item')).toEqual([
      ['gateway POST item', '20', '8', '20.0', '101.23', '168.89', '305.48', '306.92', '0', '0', '1.00', '29.2'],
      ['gateway POST item', '100', '20', '99.7', '151.44', '222.97', '295.11', '358.12', '0', '0', '0.98', '27.2'],
      ['gateway POST item', '150', '30', '113.9', '235.54', '389.86', '676.97', '726.34', '0', '0', '0.74', '73.2'],
      ['gateway POST item', '200', '40', '112.4', '317.73', '532.37', '1006.13', '1045.74', '0', '0', '0.54', '51.5'],
    ]);
    expect(tableRow('baseline: bare Fastify GET').map((r) => r.slice(-2))).toEqual(Array(4).fill(['1', '1']));
  });

  it('prints the notes, the supervision lag, CPU and RSS of the recorded run', () => {
    expect(text).toContain('- scenarios: write');
    expect(text).toContain('- writes: POST /api/v1/catalogue/items as yc-admin');
    expect(tableRow('POST @ 200/s')).toEqual([['POST @ 200/s', '1701', '1701', '1037', '2543', '3127', '1028 ms']]);
    expect(tableRow('write @ 100/s')).toHaveLength(1);
    expect(tableRow('bench-gateway')).toHaveLength(1);
    // only the scenarios that ran have tables
    expect(text).not.toContain('Unloaded latency');
    expect(text).not.toContain('Search keywords');
  });
});
