import { ConcurrencyError, ForbiddenError, ValidationError } from '@govhall/errors';
import { cityAdmin, itemsSetup, principal, seedItem } from '../in-memory-items.test-double';

describe('submit item', () => {
  it('submits a valid draft for review and records the submitter', async () => {
    const { items, submitItem } = itemsSetup();
    const draft = seedItem(items, 1);
    const submitted = await submitItem({ id: draft.id, expectedVersion: 1 }, principal());
    expect(submitted).toMatchObject({ status: 'submitted', submittedBy: 'yc-admin', version: 2 });
    expect(await items.findById(draft.id)).toMatchObject({ status: 'submitted', version: 2 });
    expect(items.events.map((e) => e.type)).toEqual(['ItemSubmitted']);
  });

  it('reports every violation of an incomplete draft and leaves it a draft', async () => {
    const { items, submitItem } = itemsSetup();
    const draft = seedItem(items, 1, { content: { workflow: [], legalBases: [] } });
    const error = await submitItem({ id: draft.id, expectedVersion: 1 }, principal()).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.violations.map((v: { path: string }) => v.path)).toEqual(
      expect.arrayContaining(['content.workflow', 'content.legalBases']),
    );
    expect(await items.findById(draft.id)).toMatchObject({ status: 'draft', version: 1 });
    expect(items.events).toEqual([]);
  });

  it('refuses the city above (403) and a stale version (409)', async () => {
    const { items, submitItem } = itemsSetup();
    const draft = seedItem(items, 1, { version: 2 });
    await expect(submitItem({ id: draft.id, expectedVersion: 2 }, cityAdmin())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(submitItem({ id: draft.id, expectedVersion: 1 }, principal())).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
  });
});
