import { csvUrl, reportQuery } from './report-query';

describe('收费统计 query', () => {
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
