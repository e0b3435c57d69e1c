import { ForbiddenError, ValidationError } from '@govhall/errors';
import { cityAdmin, itemsSetup, principal, seedItem, seedPublished } from '../in-memory-items.test-double';

function catalogue() {
  const setup = itemsSetup();
  seedPublished(setup.items, 1, { basicCode: '000172028000' });
  seedItem(setup.items, 2, { basicCode: '000117022000', name: '公共场所卫生许可' });
  seedPublished(setup.items, 3, { basicCode: '000109001000', name: '个体工商户设立登记', kind: '07' });
  seedPublished(setup.items, 4, { tenant: '620302', department: '620302-SCJG' });
  return setup;
}

describe('list items', () => {
  it("lists a tenant's items of every status by basic code, or one status", async () => {
    const { listItems } = catalogue();
    const all = await listItems({ tenant: '620321' }, principal({ roles: ['window_clerk'] }));
    expect(all.items.map((i) => i.basicCode)).toEqual(['000109001000', '000117022000', '000172028000']);
    expect(all).toMatchObject({ total: 3, nextPageToken: '' });
    const drafts = await listItems({ tenant: '620321', status: 'draft' }, principal());
    expect(drafts.items.map((i) => i.name)).toEqual(['公共场所卫生许可']);
  });

  it('filters by a keyword in the name or at the start of the basic code, with a status too', async () => {
    const { listItems } = catalogue();
    const byName = await listItems({ tenant: '620321', keyword: ' 卫生 ' }, principal());
    expect(byName.items.map((i) => i.name)).toEqual(['公共场所卫生许可']);
    const byCode = await listItems({ tenant: '620321', keyword: '0001720' }, principal());
    expect(byCode.items.map((i) => i.basicCode)).toEqual(['000172028000']);
    expect(byCode.total).toBe(1);
    // Inside a code is not a match: only its start.
    expect((await listItems({ tenant: '620321', keyword: '172028' }, principal())).items).toEqual([]);
    const publishedOnly = await listItems({ tenant: '620321', keyword: '许可', status: 'published' }, principal());
    expect(publishedOnly.items.map((i) => i.basicCode)).toEqual(['000172028000']);
    const long = await listItems({ tenant: '620321', keyword: '长'.repeat(51) }, principal()).catch((e) => e);
    expect(long).toBeInstanceOf(ValidationError);
    expect(long.violations).toEqual([{ path: 'keyword', reason: 'MAX_LENGTH', message: '搜索关键词不能超过 50 个字' }]);
  });

  it('pages with an opaque token', async () => {
    const { listItems } = catalogue();
    const first = await listItems({ tenant: '620321', pageSize: 2 }, principal());
    expect(first.items).toHaveLength(2);
    const second = await listItems({ tenant: '620321', pageSize: 2, pageToken: first.nextPageToken }, principal());
    expect(second.items.map((i) => i.basicCode)).toEqual(['000172028000']);
    expect(second.nextPageToken).toBe('');
  });

  it('lets the city above read, refuses a sibling tenant and a bad status or tenant', async () => {
    const { listItems } = catalogue();
    await expect(listItems({ tenant: '620321' }, cityAdmin({ roles: ['supervisor'] }))).resolves.toMatchObject({
      total: 3,
    });
    await expect(listItems({ tenant: '620321' }, principal({ tenant: '620302' }))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const bad = await listItems({ tenant: '6203', status: 'open' }, principal()).catch((e) => e);
    expect(bad).toBeInstanceOf(ValidationError);
    expect(bad.violations.map((v: { path: string }) => v.path)).toEqual(['tenant', 'status']);
  });
});
