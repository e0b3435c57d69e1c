import { csvUrl, defaultPeriod, reportQuery } from './report-query';

describe('收费统计 query', () => {
  it('defaults to the month so far in Beijing dates', () => {
    expect(defaultPeriod(new Date('2026-12-05T10:00:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-05' });
    // 20:30 UTC on 30 November is already 1 December in Beijing.
    expect(defaultPeriod(new Date('2026-11-30T20:30:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-01' });
  });

  it('groups by department unless told, and the CSV has the same query', () => {
    expect(reportQuery({ from: '2026-12-01', to: '2026-12-05' })).toEqual({
      from: '2026-12-01',
      to: '2026-12-05',
      groupBy: 'department',
    });
    expect(csvUrl({ from: '2026-12-01', to: '2026-12-05', groupBy: 'department_and_category' })).toBe(
      '/api/v1/payments/reports/collections.csv?from=2026-12-01&to=2026-12-05&groupBy=department_and_category',
    );
  });
});
