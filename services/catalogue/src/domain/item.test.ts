import { createDraft, validateDraft, type DraftItemInput } from './item';

const valid: DraftItemInput = {
  tenant: '620321',
  name: '食品经营许可',
  basicCode: '000172028000',
  kind: '01',
  handlingCategory: 'promised',
  department: '620321-SCJG',
};

describe('validateDraft', () => {
  it('accepts a well-formed draft', () => {
    expect(validateDraft(valid)).toEqual([]);
  });

  it('reports every bad field with its path', () => {
    const v = validateDraft({
      tenant: '62',
      name: '食',
      basicCode: 'abc',
      kind: '11',
      handlingCategory: 'fast',
      department: 'SCJG',
    });
    expect(v.map((x) => x.path)).toEqual(['tenant', 'name', 'basicCode', 'kind', 'handlingCategory', 'department']);
  });

  it('refuses a department of another tenant', () => {
    expect(validateDraft({ ...valid, department: '620302-SCJG' })).toEqual([
      expect.objectContaining({ path: 'department', reason: 'TENANT_MISMATCH' }),
    ]);
  });
});

describe('createDraft', () => {
  it('starts at version 1 in draft and emits ItemDraftCreated', () => {
    const now = new Date('2026-11-26T02:00:00Z');
    const { item, events } = createDraft({ ...valid, name: ' 食品经营许可 ' }, 'id-1', now, 'yc-admin');
    expect(item).toMatchObject({ id: 'id-1', status: 'draft', version: 1, name: '食品经营许可', createdAt: now });
    expect(events).toEqual([{ type: 'ItemDraftCreated', item }]);
  });
});
