import { ForbiddenError, NotFoundError, ValidationError } from '@govhall/errors';
import { violationWorld, who } from '../violation-test-fixtures.test-double';

describe('list-violations and get-violation', () => {
  it('scopes supervisors to their tenant and below, never a sibling', async () => {
    const { list } = await violationWorld();
    const tenants = async (tenant: string, requested = '', includeSubordinates = true) =>
      (await list({ tenant: requested, includeSubordinates }, who(['supervisor'], tenant))).violations.map(
        (v) => v.tenant,
      );
    expect((await tenants('620300')).sort()).toEqual(['620302', '620321']);
    expect(await tenants('620300', '620300', false)).toEqual([]);
    expect(await tenants('620300', '620321', false)).toEqual(['620321']);
    expect(await tenants('620321')).toEqual(['620321']);
    await expect(tenants('620302', '620321')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(tenants('620100', '620300')).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('pages, filters and refuses bad filters and other roles', async () => {
    const { list } = await violationWorld();
    const city = who(['supervisor'], '620300');
    const first = await list({ tenant: '', includeSubordinates: true, pageSize: 1 }, city);
    expect(first.violations).toHaveLength(1);
    const second = await list(
      { tenant: '', includeSubordinates: true, pageSize: 1, pageToken: first.nextPageToken },
      city,
    );
    expect(second.violations).toHaveLength(1);
    expect(second.nextPageToken).toBe('');
    expect(second.violations[0]!.id).not.toBe(first.violations[0]!.id);
    expect((await list({ tenant: '', includeSubordinates: true, fromDate: '2026-03-12' }, city)).violations).toEqual(
      [],
    );
    await expect(list({ tenant: '', includeSubordinates: true, fromDate: '2026/03/01' }, city)).rejects.toMatchObject({
      violations: [{ path: 'fromDate', reason: 'PATTERN', message: '日期格式应为YYYY-MM-DD' }],
    });
    await expect(list({ tenant: '62x', includeSubordinates: false }, city)).rejects.toBeInstanceOf(ValidationError);
    await expect(list({ tenant: '', includeSubordinates: false }, who(['window_clerk']))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('answers a sibling tenant violation as not found', async () => {
    const { get } = await violationWorld();
    expect((await get('case-1.decision-past-limit', who(['supervisor'], '620300'))).tenant).toBe('620321');
    await expect(get('case-1.decision-past-limit', who(['supervisor'], '620302'))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(get('no such', who(['supervisor']))).rejects.toBeInstanceOf(ValidationError);
  });
});
