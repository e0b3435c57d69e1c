import { ConcurrencyError, ForbiddenError, PreconditionError, ValidationError } from '@govhall/errors';
import type { Item } from '../../domain/item';
import { cityAdmin, itemsSetup, principal, reviewer, seedItem, seedPublished } from '../in-memory-items.test-double';
import type { UpdateDraftItemCommand } from './update-draft-item.usecase';

function commandFor(item: Item, overrides: Partial<UpdateDraftItemCommand> = {}): UpdateDraftItemCommand {
  const { id, version, name, basicCode, kind, handlingCategory, department, content } = item;
  return {
    id,
    expectedVersion: version,
    name,
    basicCode,
    kind,
    handlingCategory,
    department,
    content: structuredClone(content),
    ...overrides,
  };
}

describe('update draft item', () => {
  it('replaces a draft and stores the new version', async () => {
    const { items, updateDraftItem } = itemsSetup();
    const draft = seedItem(items, 1);
    const command = commandFor(draft, { name: '食品经营许可（新办）' });
    command.content.promisedLimit.days = 6;
    const updated = await updateDraftItem(command, principal());
    expect(updated).toMatchObject({ name: '食品经营许可（新办）', version: 2 });
    expect(await items.findById(draft.id)).toMatchObject({ version: 2, content: { promisedLimit: { days: 6 } } });
  });

  it('a published version cannot be edited (FAILED_PRECONDITION), and nothing changes', async () => {
    const { items, updateDraftItem } = itemsSetup();
    const published = seedPublished(items, 1);
    const error = await updateDraftItem(commandFor(published, { name: '改名' }), principal()).catch((e) => e);
    expect(error).toBeInstanceOf(PreconditionError);
    expect(error).toMatchObject({ code: 'ITEM_NOT_DRAFT' });
    expect(await items.findById(published.id)).toEqual(published);
    expect(items.events).toEqual([]);
  });

  it('a city administrator cannot edit a county item (403 TENANT_OUT_OF_SCOPE), nor a reviewer (ROLE_REQUIRED)', async () => {
    const { items, updateDraftItem } = itemsSetup();
    const draft = seedItem(items, 1);
    const byCity = await updateDraftItem(commandFor(draft, { name: '改名' }), cityAdmin()).catch((e) => e);
    expect(byCity).toBeInstanceOf(ForbiddenError);
    expect(byCity).toMatchObject({ code: 'TENANT_OUT_OF_SCOPE' });
    const byReviewer = await updateDraftItem(commandFor(draft, { name: '改名' }), reviewer()).catch((e) => e);
    expect(byReviewer).toMatchObject({ code: 'ROLE_REQUIRED' });
    expect(await items.findById(draft.id)).toEqual(draft);
  });

  it('refuses a stale version and a missing one', async () => {
    const { items, updateDraftItem } = itemsSetup();
    const draft = seedItem(items, 1, { version: 4 });
    await expect(updateDraftItem(commandFor(draft, { expectedVersion: 3 }), principal())).rejects.toBeInstanceOf(
      ConcurrencyError,
    );
    const missing = await updateDraftItem(commandFor(draft, { expectedVersion: 0 }), principal()).catch((e) => e);
    expect(missing).toBeInstanceOf(ValidationError);
    expect(missing.violations).toEqual([expect.objectContaining({ path: 'expectedVersion' })]);
  });

  it('reports content problems with their paths and stores nothing', async () => {
    const { items, updateDraftItem } = itemsSetup();
    const draft = seedItem(items, 1);
    const command = commandFor(draft);
    command.content.fees = [
      { name: '工本费', legalBasis: '', amountFen: -5, formula: '', reductions: '', feeCode: '' },
    ];
    const error = await updateDraftItem(command, principal()).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.violations.map((v: { path: string }) => v.path)).toContain('content.fees.0.amountFen');
    expect(await items.findById(draft.id)).toEqual(draft);
  });
});
