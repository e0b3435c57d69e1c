import { ConflictError, ForbiddenError, PreconditionError, ValidationError } from '@govhall/errors';
import { cityAdmin, draftCommand, draftSetup, principal } from '../in-memory-items.test-double';

const command = draftCommand;
const setup = () => draftSetup();

describe('create draft item', () => {
  it('creates edition 1 of a new series as a draft with one event', async () => {
    const { items, createDraftItem } = setup();
    const item = await createDraftItem(command, principal());
    expect(item).toMatchObject({
      status: 'draft',
      edition: 1,
      seriesId: item.id,
      previousId: '',
      createdBy: 'yc-admin',
    });
    expect(items.events).toEqual([{ type: 'ItemDraftCreated', item }]);
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

  it('refuses other roles (ROLE_REQUIRED) and other tenants, the city above included (TENANT_OUT_OF_SCOPE)', async () => {
    const { items, createDraftItem } = setup();
    const refusal = (actor: ReturnType<typeof principal>) => createDraftItem(command, actor).catch((e: unknown) => e);
    for (const actor of [
      principal({ roles: ['window_clerk'] }),
      principal({ kind: 'service', username: 'service-account-dept', roles: ['service'] }),
    ]) {
      const error = await refusal(actor);
      expect(error).toBeInstanceOf(ForbiddenError);
      expect(error).toMatchObject({ code: 'ROLE_REQUIRED' });
    }
    for (const actor of [principal({ tenant: '620302' }), cityAdmin()]) {
      expect(await refusal(actor)).toMatchObject({ code: 'TENANT_OUT_OF_SCOPE' });
    }
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
