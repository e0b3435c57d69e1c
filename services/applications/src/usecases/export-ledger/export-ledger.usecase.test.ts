import { createAuthorizer, type Principal } from '@govhall/auth';
import { draftCase } from '../../domain/case.test-double';
import { InMemoryCaseQueries } from '../in-memory-case-queries.test-double';
import { exportLedgerUseCase } from './export-ledger.usecase';

const staff = (roles: Principal['roles'], department?: string): Principal => ({
  kind: 'user',
  subject: 's',
  username: 'ycx-x',
  tenant: '620321',
  roles,
  department,
  clientId: 'govhall-workbench',
});

const march = (n: number, department = '620321-SCJG') =>
  draftCase({
    id: `c${n}`,
    status: 'pre_review',
    caseNumber: `62032120260302${String(n).padStart(5, '0')}`,
    department,
    clocks: { receivedDate: '2026-03-02', acceptedDate: '', noticeDueDate: '2026-03-09' },
  });

const queries = new InMemoryCaseQueries([
  march(2),
  march(1),
  march(3, '620321-ZJJ'),
  draftCase({
    id: 'april',
    caseNumber: '6203212026040100001',
    clocks: { receivedDate: '2026-04-01', acceptedDate: '', noticeDueDate: '' },
  }),
]);
const exportLedger = exportLedgerUseCase({ queries, authorizer: createAuthorizer({ warn: () => undefined }) });

describe('the monthly ledger (A33)', () => {
  it('lists every case received in the month, by case number, as CSV Excel opens, ID numbers masked', async () => {
    const out = await exportLedger({ tenant: '620321', month: '2026-03' }, staff(['center_admin']));
    const text = out.csv.toString('utf8');
    expect(text.startsWith('\ufeff办件编号,事项名称,办件类型')).toBe(true);
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toContain('6203212026030200001,食品经营许可,承诺件,网上申报,张三,6203**********123X');
    expect(text).not.toContain('62032119900307123X');
    expect(out).toMatchObject({ rows: 3, fileName: '办件登记台账-620321-2026-03.csv' });
  });

  it('gives a department head only their own department', async () => {
    const own = await exportLedger(
      { tenant: '620321', month: '2026-03', department: '620321-SCJG' },
      staff(['department_head'], '620321-SCJG'),
    );
    expect(own.rows).toBe(2);
    await expect(
      exportLedger({ tenant: '620321', month: '2026-03' }, staff(['department_head'], '620321-SCJG')),
    ).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(
      exportLedger(
        { tenant: '620321', month: '2026-03', department: '620321-ZJJ' },
        staff(['department_head'], '620321-SCJG'),
      ),
    ).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('refuses a bad month and another tenant', async () => {
    await expect(exportLedger({ tenant: '620321', month: '2026-13' }, staff(['center_admin']))).rejects.toMatchObject({
      violations: [expect.objectContaining({ path: 'month' })],
    });
    await expect(exportLedger({ tenant: '620302', month: '2026-03' }, staff(['center_admin']))).rejects.toMatchObject({
      kind: 'forbidden',
    });
  });
});
