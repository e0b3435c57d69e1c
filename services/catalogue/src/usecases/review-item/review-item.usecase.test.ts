import { ForbiddenError, PreconditionError, ValidationError } from '@govhall/errors';
import { validItemFixture } from '../../domain/item.test-double';
import {
  draftCommand,
  fixtureId,
  itemsSetup,
  principal,
  reviewer,
  seedPublished,
  seedSubmitted,
} from '../in-memory-items.test-double';

/** Edition 1 published, edition 2 of the same series submitted. */
function seriesSetup() {
  const setup = itemsSetup();
  const first = seedPublished(setup.items, 1);
  const second = seedSubmitted(setup.items, 2, { seriesId: first.id, edition: 2, previousId: first.id });
  return { ...setup, first, second };
}

const approve = (id: string, expectedVersion = 2) => ({ id, expectedVersion, approve: true, comments: '同意发布' });

describe('review item', () => {
  it('publishes on approval, then supersedes the previous edition (new one written first)', async () => {
    const { items, reviewItem, first, second } = seriesSetup();
    const published = await reviewItem(approve(second.id), reviewer());
    expect(published).toMatchObject({ status: 'published', version: 3 });
    expect(await items.findById(first.id)).toMatchObject({ status: 'superseded', version: 4 });
    expect(items.events.map((e) => [e.type, e.item.id])).toEqual([
      ['ItemPublished', second.id],
      ['ItemSuperseded', first.id],
    ]);
    expect(items.events[1]).toMatchObject({ supersededBy: second.id });
  });

  it('publishes a first edition without superseding anything', async () => {
    const { items, reviewItem } = itemsSetup();
    const only = seedSubmitted(items, 1);
    await reviewItem(approve(only.id), reviewer());
    expect(items.events.map((e) => e.type)).toEqual(['ItemPublished']);
  });

  it('returns a rejected submission to draft with the comments, and needs them', async () => {
    const { items, reviewItem, first, second } = seriesSetup();
    const noComments = await reviewItem({ ...approve(second.id), approve: false, comments: '' }, reviewer()).catch(
      (e) => e,
    );
    expect(noComments).toBeInstanceOf(ValidationError);
    const rejected = await reviewItem(
      { ...approve(second.id), approve: false, comments: '请补充收费依据' },
      reviewer(),
    );
    expect(rejected).toMatchObject({ status: 'draft', reviews: [{ approved: false, comments: '请补充收费依据' }] });
    expect(await items.findById(first.id)).toMatchObject({ status: 'published' });
    expect(items.events.map((e) => e.type)).toEqual(['ItemRejected']);
  });

  it('lets a center administrator or a reviewer of any department review, but never the submitter', async () => {
    const { reviewItem, second } = seriesSetup();
    const self = await reviewItem(approve(second.id), principal()).catch((e) => e);
    expect(self).toBeInstanceOf(PreconditionError);
    expect(self).toMatchObject({ code: 'SELF_REVIEW' });
    const otherAdmin = principal({ subject: 'sub-3', username: 'yc-admin2' });
    await expect(reviewItem(approve(second.id), otherAdmin)).resolves.toMatchObject({ status: 'published' });
  });

  it('four eyes: nobody who created, edited or submitted the edition may approve or reject it', async () => {
    const { items, createDraftItem, updateDraftItem, submitItem, reviewItem } = itemsSetup();
    const author = principal({ subject: 'sub-a', username: 'yc-admin-author' });
    const editor = principal({ subject: 'sub-e', username: 'yc-admin-editor', roles: ['center_admin', 'reviewer'] });
    const submitter = principal({ subject: 'sub-s', username: 'yc-admin-submitter' });
    const created = await createDraftItem({ ...draftCommand, idempotencyKey: 'key-four-eyes' }, author);
    const complete = validItemFixture({ basicCode: draftCommand.basicCode });
    const { name, basicCode, kind, handlingCategory, department, content } = complete;
    const command = { name, basicCode, kind, handlingCategory, department, content };
    const edited = await updateDraftItem({ id: created.id, expectedVersion: 1, ...command }, editor);
    expect(edited.editedBy).toEqual(['yc-admin-author', 'yc-admin-editor']);
    const submitted = await submitItem({ id: created.id, expectedVersion: edited.version }, submitter);
    for (const who of [author, editor, submitter]) {
      for (const decision of [
        approve(created.id, submitted.version),
        { ...approve(created.id, submitted.version), approve: false, comments: '请修改' },
      ]) {
        const refused = await reviewItem(decision, who).catch((e) => e);
        expect([who.username, refused]).toEqual([who.username, expect.any(PreconditionError)]);
        expect(refused).toMatchObject({ code: 'SELF_REVIEW' });
      }
    }
    expect(await items.findById(created.id)).toMatchObject({ status: 'submitted', version: submitted.version });
    expect(items.events.map((e) => e.type)).toEqual(['ItemDraftCreated', 'ItemSubmitted']);
    await expect(reviewItem(approve(created.id, submitted.version), reviewer())).resolves.toMatchObject({
      status: 'published',
      editedBy: ['yc-admin-author', 'yc-admin-editor'],
    });
  });

  it('a rejected edition keeps its authors: whoever edited it before the rejection still may not approve it', async () => {
    const { reviewItem, updateDraftItem, submitItem, items } = itemsSetup();
    const item = seedSubmitted(items, 7, { createdBy: 'yc-admin', editedBy: ['yc-admin'] });
    const other = principal({ subject: 'sub-o', username: 'yc-admin-other' });
    const rejected = await reviewItem({ ...approve(item.id), approve: false, comments: '请补充材料' }, reviewer());
    const { name, basicCode, kind, handlingCategory, department, content } = rejected;
    const fixed = await updateDraftItem(
      { id: item.id, expectedVersion: rejected.version, name, basicCode, kind, handlingCategory, department, content },
      other,
    );
    const resubmitted = await submitItem({ id: item.id, expectedVersion: fixed.version }, principal());
    // The first reviewer did not write it and may approve; the other administrator edited it and may not.
    const refused = await reviewItem(approve(item.id, resubmitted.version), other).catch((e) => e);
    expect(refused).toMatchObject({ code: 'SELF_REVIEW' });
    await expect(reviewItem(approve(item.id, resubmitted.version), reviewer())).resolves.toMatchObject({
      status: 'published',
    });
  });

  it('refuses other roles (403); another tenant does not see the item (404)', async () => {
    const { reviewItem, second } = seriesSetup();
    const clerk = await reviewItem(approve(second.id), principal({ username: 'c', roles: ['window_clerk'] })).catch(
      (e) => e,
    );
    expect(clerk).toBeInstanceOf(ForbiddenError);
    expect(clerk).toMatchObject({ code: 'ROLE_REQUIRED' });
    await expect(reviewItem(approve(second.id), reviewer({ tenant: '620302' }))).rejects.toMatchObject({
      code: 'ITEM_NOT_FOUND',
    });
  });

  it('repairs a failed supersede when the approval is retried, publishing nothing twice', async () => {
    const { items, reviewItem, first, second } = seriesSetup();
    items.failNextUpdateOf.add(first.id);
    await expect(reviewItem(approve(second.id), reviewer())).rejects.toThrow('database unreachable');
    expect(await items.findById(second.id)).toMatchObject({ status: 'published' });
    expect(await items.findById(first.id)).toMatchObject({ status: 'published' });

    const retried = await reviewItem(approve(second.id), reviewer());
    expect(retried).toMatchObject({ id: second.id, status: 'published', version: 3 });
    expect(await items.findById(first.id)).toMatchObject({ status: 'superseded' });
    expect(items.events.map((e) => e.type)).toEqual(['ItemPublished', 'ItemSuperseded']);
  });

  it('has the next publication supersede every older edition still published', async () => {
    const { items, reviewItem } = itemsSetup();
    const series = fixtureId(1);
    seedPublished(items, 1);
    seedPublished(items, 2, { seriesId: series, edition: 2, previousId: series });
    const third = seedSubmitted(items, 3, { seriesId: series, edition: 3, previousId: fixtureId(2) });
    await reviewItem(approve(third.id), reviewer());
    const statuses = (await items.findInSeries(series, ['published', 'superseded'])).map((i) => i.status);
    expect(statuses).toEqual(['superseded', 'superseded', 'published']);
  });

  it('refuses a second review of a published item that is not a retry of its approval', async () => {
    const { reviewItem, second } = seriesSetup();
    await reviewItem(approve(second.id), reviewer());
    const other = reviewer({ subject: 'sub-9', username: 'yc-reviewer2' });
    await expect(reviewItem(approve(second.id, 3), other)).rejects.toMatchObject({ code: 'ITEM_NOT_SUBMITTED' });
    await expect(reviewItem(approve(second.id), other)).rejects.toMatchObject({ code: 'CONCURRENT_MODIFICATION' });
  });
});
