// The clock lag read from supervision's Prometheus text: the run's share of the histogram, percentiles from its
// buckets, and the target's verdict at the 2,000 ms bound.
import { bucketPercentile, histogramDelta, parseHistogram, summarizeClockLag } from './clock-lag.ts';

const BOUNDS = [5, 10, 25, 50, 100, 250, 500, 1000, 2000, 5000, 10000, 30000, 60000];

/** An exposition as the OTel Prometheus exporter writes it, with two label sets to be summed. */
function exposition(perBound: number[], sum: number, other = 0): string {
  const lines = [
    '# HELP govhall_supervision_clock_lag Time from a case event …',
    '# TYPE govhall_supervision_clock_lag histogram',
  ];
  let cumulative = 0;
  BOUNDS.forEach((le, i) => {
    cumulative += perBound[i] ?? 0;
    lines.push(`govhall_supervision_clock_lag_bucket{otel_scope_name="@govhall/supervision",le="${le}"} ${cumulative}`);
  });
  const total = cumulative + (perBound[BOUNDS.length] ?? 0);
  lines.push(`govhall_supervision_clock_lag_bucket{otel_scope_name="@govhall/supervision",le="+Inf"} ${total}`);
  lines.push(`govhall_supervision_clock_lag_sum{otel_scope_name="@govhall/supervision"} ${sum}`);
  lines.push(`govhall_supervision_clock_lag_count{otel_scope_name="@govhall/supervision"} ${total}`);
  lines.push(`govhall_supervision_clock_lag_bucket{otel_scope_name="other",le="+Inf"} ${other}`);
  lines.push(`govhall_supervision_clock_lag_count{otel_scope_name="other"} ${other}`);
  lines.push('govhall_supervision_clock_lagging_total 7');
  return lines.join('\n');
}

describe('clock lag from the metrics endpoint', () => {
  it('sums the label sets, ignores other metrics and answers null when the histogram is absent', () => {
    const h = parseHistogram(exposition([0, 0, 0, 0, 10], 600, 2), 'govhall_supervision_clock_lag')!;
    expect(h.count).toBe(12);
    expect(h.sum).toBe(600);
    expect(h.buckets.at(-1)).toEqual({ le: Infinity, count: 12 });
    expect(h.buckets.find((b) => b.le === 100)).toEqual({ le: 100, count: 10 });
    expect(parseHistogram('# nothing here\nup 1', 'govhall_supervision_clock_lag')).toBeNull();
  });

  it('takes the run’s share as the difference of two scrapes and interpolates inside a bucket', () => {
    const before = parseHistogram(exposition([0, 0, 0, 0, 100], 5_000), 'govhall_supervision_clock_lag');
    // the run adds 100 samples between 500 and 1,000 ms
    const after = parseHistogram(exposition([0, 0, 0, 0, 100, 0, 0, 100], 80_000), 'govhall_supervision_clock_lag')!;
    const run = histogramDelta(after, before);
    expect(run.count).toBe(100);
    expect(run.sum).toBe(75_000);
    expect(bucketPercentile(run, 0.5)).toBe(750);
    expect(bucketPercentile(run, 0.99)).toBe(995);
  });

  it('passes when 99% of the run’s samples are within 2,000 ms and fails when one more is over', () => {
    // 99 samples in (1000, 2000], 1 in (2000, 5000]
    const pass = summarizeClockLag(
      histogramDelta(
        parseHistogram(exposition([0, 0, 0, 0, 0, 0, 0, 0, 99, 1], 0), 'govhall_supervision_clock_lag')!,
        null,
      ),
    )!;
    expect(pass.withinTargetPct).toBe(99);
    expect(pass.pass).toBe(true);
    const fail = summarizeClockLag(
      histogramDelta(
        parseHistogram(exposition([0, 0, 0, 0, 0, 0, 0, 0, 98, 2], 0), 'govhall_supervision_clock_lag')!,
        null,
      ),
    )!;
    expect(fail.pass).toBe(false);
    expect(fail.p99Ms).toBeGreaterThan(2_000);
  });

  it('answers Infinity for a percentile beyond the last bound and no summary without samples', () => {
    const h = parseHistogram(exposition(Array(13).fill(0).concat([5]), 0), 'govhall_supervision_clock_lag')!;
    expect(bucketPercentile(h, 0.5)).toBe(Infinity);
    expect(summarizeClockLag(histogramDelta(h, h))).toBeNull();
  });
});
