import { ConflictError, ForbiddenError, PreconditionError, ValidationError } from '@govhall/errors';
import { draftCommand, draftSetup, principal } from '../in-memory-items.test-double';

const command = draftCommand;
const setup = () => draftSetup();

describe('create draft item', () => {
  it('creates a draft with one event', async () => {
    const { items, createDraftItem } = setup();
    const item = await createDraftItem(command, principal());
    expect(item.status).toBe('draft');
    expect(items.events).toHaveLength(1);
  });

  it('returns the same item for a repeated idempotency key and writes nothing new', async () => {
    const { items, createDraftItem } = setup();
    const a = await createDraftItem(command, principal());
    const b = await createDraftItem(command, principal());
    expect(b.id).toBe(a.id);
    expect(items.events).toHaveLength(1);
  });

  it('refuses a reused key with different content', async () => {
    const { createDraftItem } = setup();
    await createDraftItem(command, principal());
    await expect(createDraftItem({ ...command, name: '公共场所卫生许可' }, principal())).rejects.toBeInstanceOf(
      ConflictError,
    );
  });

  it('refuses other roles and other tenants', async () => {
    const { items, createDraftItem } = setup();
    await expect(createDraftItem(command, principal({ roles: ['window_clerk'] }))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(createDraftItem(command, principal({ tenant: '620302' }))).rejects.toBeInstanceOf(ForbiddenError);
    expect(items.items.size).toBe(0);
  });

  it('validates before anything else and lists the idempotency key problem too', async () => {
    const { createDraftItem } = setup();
    const err = await createDraftItem({ ...command, idempotencyKey: 'x', basicCode: '1' }, principal()).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).violations.map((v) => v.path)).toEqual(['basicCode', 'idempotencyKey']);
  });

  it('refuses a tenant this deployment does not host', async () => {
    const { items, createDraftItem } = draftSetup(['620302']);
    await expect(createDraftItem(command, principal())).rejects.toBeInstanceOf(PreconditionError);
    expect(items.items.size).toBe(0);
  });
});
