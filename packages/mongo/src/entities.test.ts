import type { Model } from 'mongoose';
import {
  definedFields,
  findStale,
  insertNew,
  isDuplicateKeyError,
  removeIfStill,
  toDocument,
  toEntity,
} from './entities';
import { entityUpdate } from './versioned';

const staff = { id: 's1', tenant: '620321', department: undefined, version: 3 };

describe('toDocument and toEntity', () => {
  it('stores the key under _id, adds store-only fields, and reads the same entity back', () => {
    const doc = toDocument(staff, { outbox: [] });
    expect(doc).toEqual({ _id: 's1', tenant: '620321', department: undefined, version: 3, outbox: [] });
    expect(doc).not.toHaveProperty('id');
    const { outbox: _outbox, ...stored } = doc;
    expect(toEntity(stored)).toEqual(staff);
  });

  it('uses a named key field and turns the stored key into a string', () => {
    const doc = toDocument({ code: '620321-SCJG', name: '市场监管局' }, {}, 'code');
    expect(doc).toEqual({ _id: '620321-SCJG', name: '市场监管局' });
    expect(toEntity({ _id: 620321, name: '永昌县' }, 'code')).toEqual({ code: '620321', name: '永昌县' });
  });

  it('lets store-only fields override how a field is stored, and keeps null as null', () => {
    expect(toDocument({ code: '620000', parentCode: undefined }, { parentCode: '' }, 'code')).toEqual({
      _id: '620000',
      parentCode: '',
    });
    expect(toEntity(null)).toBeNull();
  });
});

describe('entityUpdate', () => {
  it('sets the fields that have a value, never id or version, and appends the outbox messages', () => {
    const update = entityUpdate({ ...staff, status: 'active' }, [{ topic: 't' }]);
    expect(update).toEqual({
      $set: { tenant: '620321', status: 'active', outboxPending: true },
      $push: { outbox: { $each: [{ topic: 't' }] } },
    });
  });

  it('unsets only the clearable fields the entity no longer has, and pushes nothing without messages', () => {
    const entity = { ...staff, subject: 'kc-1', disabledReason: undefined as string | undefined };
    const update = entityUpdate(entity, [], ['department', 'subject', 'disabledReason']);
    expect(update).toEqual({
      $set: { tenant: '620321', subject: 'kc-1' },
      $unset: { department: '', disabledReason: '' },
    });
  });
});

describe('definedFields', () => {
  it('drops undefined but keeps null, false, 0 and empty strings', () => {
    expect(definedFields({ a: undefined, b: null, c: false, d: 0, e: '' })).toEqual({ b: null, c: false, d: 0, e: '' });
  });
});

describe('insertNew', () => {
  const modelThat = (insertOne: jest.Mock) => ({ collection: { insertOne } }) as unknown as Model<any>;

  it('inserts the document and answers true', async () => {
    const insertOne = jest.fn().mockResolvedValue({ acknowledged: true });
    await expect(insertNew(modelThat(insertOne), { _id: 's1', outbox: [] })).resolves.toBe(true);
    expect(insertOne).toHaveBeenCalledWith({ _id: 's1', outbox: [] });
  });

  it('answers false on a duplicate key and rethrows any other error', async () => {
    const duplicate = Object.assign(new Error('E11000 duplicate key'), { code: 11000 });
    await expect(insertNew(modelThat(jest.fn().mockRejectedValue(duplicate)), { _id: 's1' })).resolves.toBe(false);
    const down = new Error('connection closed');
    await expect(insertNew(modelThat(jest.fn().mockRejectedValue(down)), { _id: 's1' })).rejects.toBe(down);
    expect(isDuplicateKeyError(down)).toBe(false);
  });

  it("recognises FerretDB's answer to an update that breaks a unique index, and nothing else of code 1", () => {
    const update = Object.assign(
      new Error(
        '[msg_update.go:133 handler.(*Handler).updateDocument] … ERROR: duplicate key value violates unique constraint "items_tenant_idx" (SQLSTATE 23505)',
      ),
      { code: 1, codeName: 'InternalError' },
    );
    expect(isDuplicateKeyError(update)).toBe(true);
    expect(
      isDuplicateKeyError(Object.assign(new Error('ERROR: deadlock detected (SQLSTATE 40P01)'), { code: 1 })),
    ).toBe(false);
  });
});

describe('removeIfStill', () => {
  it('deletes by id only while the document is in the given state and says whether it did', async () => {
    const deleteOne = jest.fn().mockResolvedValueOnce({ deletedCount: 1 }).mockResolvedValueOnce({ deletedCount: 0 });
    const model = { collection: { collectionName: 'staff' }, deleteOne } as unknown as Model<any>;
    await expect(removeIfStill(model, 's1', { status: 'provisioning', version: 1 })).resolves.toBe(true);
    await expect(removeIfStill(model, 's1', { status: 'provisioning' })).resolves.toBe(false);
    expect(deleteOne.mock.calls).toEqual([
      [{ _id: 's1', status: 'provisioning', version: 1 }],
      [{ _id: 's1', status: 'provisioning' }],
    ]);
  });
});

describe('findStale', () => {
  it('asks for documents still in the state and updated before the cut-off, at most `limit` of them', async () => {
    const lean = jest.fn().mockResolvedValue([{ _id: 's1' }]);
    const limit = jest.fn().mockReturnValue({ lean });
    const find = jest.fn().mockReturnValue({ limit });
    const before = new Date('2026-03-02T01:55:00Z');
    const docs = await findStale({ find } as unknown as Model<any>, { status: 'provisioning' }, before, { outbox: 0 });
    expect(docs).toEqual([{ _id: 's1' }]);
    expect(find).toHaveBeenCalledWith({ status: 'provisioning', updatedAt: { $lt: before } }, { outbox: 0 });
    expect(limit).toHaveBeenCalledWith(100);
  });
});
