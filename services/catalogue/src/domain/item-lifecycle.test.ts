import { PreconditionError, ValidationError } from '@govhall/errors';
import type { Item } from './item';
import { newEdition, retire, review, submit, supersede, updateDraft, type DraftUpdate } from './item-lifecycle';
import { validItemFixture } from './item.test-double';

const T0 = new Date('2026-11-26T02:00:00Z');
const T1 = new Date('2026-11-27T03:00:00Z');

const draft = (overrides: Parameters<typeof validItemFixture>[0] = {}) =>
  validItemFixture({ id: 'a1', seriesId: 'a1', ...overrides });
const submitted = () => draft({ status: 'submitted', submittedAt: T0, submittedBy: 'yc-admin', version: 2 });
const published = (overrides: Parameters<typeof validItemFixture>[0] = {}) =>
  draft({ status: 'published', publishedAt: T0, version: 3, ...overrides });

function updateOf(item: Item, overrides: Partial<DraftUpdate> = {}): DraftUpdate {
  const { name, basicCode, kind, handlingCategory, department, content } = item;
  return { name, basicCode, kind, handlingCategory, department, content: structuredClone(content), ...overrides };
}

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}

describe('updateDraft', () => {
  it('replaces the identity fields and the content of a draft, bumps the version and emits nothing', () => {
    const item = draft();
    const update = updateOf(item, { name: ' 食品经营许可（新办） ', handlingCategory: 'joint' });
    update.content.promisedLimit = { days: 8, unit: 'working_day' };
    const { item: next, events } = updateDraft(item, update, T1, 'yc-admin');
    expect(next).toMatchObject({ name: '食品经营许可（新办）', handlingCategory: 'joint', version: 2, updatedAt: T1 });
    expect(next.content.promisedLimit.days).toBe(8);
    expect(events).toEqual([]);
    update.content.materials[0]!.name = '改过的名称';
    expect(next.content.materials[0]!.name).toBe('食品经营许可申请书');
  });

  it('refuses to edit a published version (FAILED_PRECONDITION ITEM_NOT_DRAFT)', () => {
    for (const item of [
      published(),
      submitted(),
      published({ status: 'superseded' }),
      published({ status: 'retired' }),
    ]) {
      const error = thrown(() => updateDraft(item, updateOf(item, { name: '改名' }), T1, 'yc-admin'));
      expect(error).toBeInstanceOf(PreconditionError);
      expect(error).toMatchObject({ code: 'ITEM_NOT_DRAFT' });
    }
  });

  it('reports bad identity fields and a bad content shape with their paths, changing nothing', () => {
    const item = draft();
    const update = updateOf(item, { department: '620302-SCJG', kind: '99' });
    update.content.visits = 7;
    const error = thrown(() => updateDraft(item, update, T1, 'yc-admin')) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.violations.map((v) => v.path)).toEqual(
      expect.arrayContaining(['kind', 'department', 'content.visits']),
    );
  });

  it('accepts an incomplete draft (completeness is checked on submission)', () => {
    const item = draft();
    const update = updateOf(item);
    update.content.workflow = [];
    update.content.location.hours = '';
    expect(updateDraft(item, update, T1, 'yc-admin').item.content.workflow).toEqual([]);
  });
});

describe('submit', () => {
  it('sends a valid draft to review, recording who and when', () => {
    const { item, events } = submit(draft(), 'yc-admin', T1);
    expect(item).toMatchObject({ status: 'submitted', submittedAt: T1, submittedBy: 'yc-admin', version: 2 });
    expect(events).toEqual([{ type: 'ItemSubmitted', item }]);
  });

  it('reports every violation of an incomplete item with its path', () => {
    const base = draft();
    const incomplete = draft({ content: { workflow: [], location: { ...base.content.location, hours: '' } } });
    const error = thrown(() => submit(incomplete, 'yc-admin', T1)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.violations.map((v) => v.path)).toEqual(
      expect.arrayContaining(['content.workflow', 'content.location.hours']),
    );
  });

  it('submits drafts only', () => {
    expect(thrown(() => submit(submitted(), 'yc-admin', T1))).toMatchObject({ code: 'ITEM_NOT_DRAFT' });
  });
});

describe('review', () => {
  it('publishes an approved submission with the review on record', () => {
    const { item, events } = review(submitted(), { approve: true, comments: '' }, 'yc-reviewer', T1);
    expect(item).toMatchObject({ status: 'published', publishedAt: T1, version: 3 });
    expect(item.reviews).toEqual([{ approved: true, comments: '', reviewer: 'yc-reviewer', at: T1 }]);
    expect(events).toEqual([{ type: 'ItemPublished', item }]);
  });

  it('returns a rejected submission to draft with the comments', () => {
    const { item, events } = review(submitted(), { approve: false, comments: ' 承诺时限请再压缩 ' }, 'yc-reviewer', T1);
    expect(item).toMatchObject({ status: 'draft', submittedAt: undefined, submittedBy: undefined, version: 3 });
    expect(item.reviews).toEqual([{ approved: false, comments: '承诺时限请再压缩', reviewer: 'yc-reviewer', at: T1 }]);
    expect(events).toEqual([{ type: 'ItemRejected', item }]);
  });

  it('needs comments to reject', () => {
    const error = thrown(() => review(submitted(), { approve: false, comments: ' ' }, 'yc-reviewer', T1));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).violations).toEqual([expect.objectContaining({ path: 'comments' })]);
  });

  it('refuses the submitter as reviewer and anything not submitted', () => {
    expect(thrown(() => review(submitted(), { approve: true, comments: '' }, 'yc-admin', T1))).toMatchObject({
      code: 'SELF_REVIEW',
    });
    expect(thrown(() => review(draft(), { approve: true, comments: '' }, 'yc-reviewer', T1))).toMatchObject({
      code: 'ITEM_NOT_SUBMITTED',
    });
  });
});

describe('supersede', () => {
  it('marks a published edition superseded by a newer published edition of its series', () => {
    const newer = published({ id: 'a2', edition: 2, previousId: 'a1' });
    const { item, events } = supersede(published(), newer, T1);
    expect(item).toMatchObject({ status: 'superseded', version: 4, updatedAt: T1 });
    expect(events).toEqual([{ type: 'ItemSuperseded', item, supersededBy: 'a2' }]);
  });

  it('refuses an edition of another series, an older one, or one not published', () => {
    const old = published();
    for (const newer of [
      published({ id: 'b2', seriesId: 'b1', edition: 2 }),
      published({ id: 'a0', edition: 1 }),
      draft({ id: 'a2', edition: 2 }),
    ]) {
      expect(thrown(() => supersede(old, newer, T1))).toMatchObject({ code: 'NOT_A_NEWER_EDITION' });
    }
    const newer = published({ id: 'a2', edition: 2 });
    expect(thrown(() => supersede(draft(), newer, T1))).toMatchObject({ code: 'ITEM_NOT_PUBLISHED' });
  });
});

describe('retire', () => {
  it('retires a published item with the reason', () => {
    const { item, events } = retire(published(), ' 国务院决定取消该事项 ', T1);
    expect(item).toMatchObject({ status: 'retired', retiredReason: '国务院决定取消该事项', version: 4 });
    expect(events).toEqual([{ type: 'ItemRetired', item }]);
  });

  it('needs a reason and a published item', () => {
    expect(thrown(() => retire(published(), '无', T1))).toBeInstanceOf(ValidationError);
    expect(thrown(() => retire(draft(), '国务院决定取消该事项', T1))).toMatchObject({ code: 'ITEM_NOT_PUBLISHED' });
  });
});

describe('newEdition', () => {
  it('starts the next edition as a draft copy of the published one', () => {
    const source = published({ reviews: [{ approved: true, comments: '', reviewer: 'yc-reviewer', at: T0 }] });
    const { item, events } = newEdition(source, 'a2', T1, 'yc-admin2');
    expect(item).toMatchObject({
      id: 'a2',
      seriesId: 'a1',
      edition: 2,
      previousId: 'a1',
      status: 'draft',
      version: 1,
      createdAt: T1,
      createdBy: 'yc-admin2',
      reviews: [],
      name: source.name,
      basicCode: source.basicCode,
    });
    expect(item.content).toEqual(source.content);
    expect(item.publishedAt).toBeUndefined();
    expect(events).toEqual([{ type: 'ItemDraftCreated', item }]);
    item.content.materials[0]!.name = '改过的名称';
    item.content.workflow.pop();
    expect(source.content.materials[0]!.name).toBe('食品经营许可申请书');
    expect(source.content.workflow).toHaveLength(4);
  });

  it('copies published editions only', () => {
    expect(thrown(() => newEdition(draft(), 'a2', T1, 'yc-admin'))).toMatchObject({ code: 'ITEM_NOT_PUBLISHED' });
  });
});
