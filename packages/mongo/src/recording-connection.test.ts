import mongoose, { type Connection, type Model } from 'mongoose';
import { findStale, insertNew, removeIfStill } from './entities';
import { expectEveryQueryCovered } from './query-shapes';
import { exercise, publicMethods, RecordingConnection } from './recording-connection.test-double';
import { saveVersioned, updateVersioned } from './versioned';

const staffSchema = new mongoose.Schema(
  { _id: String, tenant: String, username: String, status: String, version: Number, updatedAt: Date },
  { collection: 'staff', versionKey: false },
);
staffSchema.index({ tenant: 1, username: 1 });
staffSchema.index({ status: 1, updatedAt: 1 });

/** A repository in the house style, over the model and the raw collections. */
class StaffStore {
  readonly model: Model<any>;
  constructor(private readonly connection: Connection) {
    this.model = connection.model('Staff', staffSchema);
  }
  async list(tenant: string) {
    return this.model.find({ tenant }, { outbox: 0 }).sort({ username: 1 }).skip(0).limit(10).lean();
  }
  async countOf(tenant: string) {
    return this.model.countDocuments({ tenant });
  }
  async raw(id: string) {
    return this.model.collection.findOne({ _id: id as never });
  }
  async windowsOf(staffId: string) {
    return this.connection
      .collection('windows')
      .find({ $or: [{ aPostStaffId: staffId }, { bPostStaffId: staffId }] })
      .sort({ number: 1 })
      .toArray();
  }
  _helper() {
    return 'not public';
  }
}

describe('RecordingConnection', () => {
  it('records the filter and sort of model queries, raw collection reads and connection collections', async () => {
    const recording = new RecordingConnection();
    const store = new StaffStore(recording.connection);
    await expect(store.list('620321')).resolves.toEqual([]);
    await expect(store.countOf('620321')).resolves.toBe(0);
    await expect(store.raw('s1')).resolves.toBeNull();
    await expect(recording.during('windows', () => store.windowsOf('s1'))).resolves.toEqual([]);
    expect(recording.queries).toEqual([
      { collection: 'staff', operation: 'find', filter: { tenant: '620321' }, sort: [['username', 1]] },
      { collection: 'staff', operation: 'countDocuments', filter: { tenant: '620321' } },
      { collection: 'staff', operation: 'findOne', filter: { _id: 's1' } },
      {
        collection: 'windows',
        operation: 'find',
        filter: { $or: [{ aPostStaffId: 's1' }, { bPostStaffId: 's1' }] },
        sort: [['number', 1]],
        source: 'windows',
      },
    ]);
    expect(recording.schemas.get('staff')).toBe(staffSchema);
  });

  it("answers the package's write helpers as a database whose write matched, and records no insert", async () => {
    const recording = new RecordingConnection();
    const model = recording.connection.model('Staff', staffSchema);
    await expect(insertNew(model, { _id: 's1', version: 1 })).resolves.toBe(true);
    await expect(recording.withDuplicateKeys(() => insertNew(model, { _id: 's1' }))).resolves.toBe(false);
    await updateVersioned(model, 's1', 1, { $set: { status: 'active' } });
    await saveVersioned(model, { id: 's1', version: 2, status: 'disabled' }, 2, []);
    await expect(removeIfStill(model, 's1', { status: 'provisioning' })).resolves.toBe(true);
    const before = new Date('2026-03-02T00:00:00Z');
    await expect(findStale(model, { status: 'provisioning' }, before, { outbox: 0 })).resolves.toEqual([]);
    expect(recording.queries.map(({ operation, filter }) => [operation, filter])).toEqual([
      ['updateOne', { _id: 's1', version: 1 }],
      ['updateOne', { _id: 's1', version: 2 }],
      ['deleteOne', { _id: 's1', status: 'provisioning' }],
      ['find', { status: 'provisioning', updatedAt: { $lt: before } }],
    ]);
    expectEveryQueryCovered(recording.queries, [staffSchema]);
  });

  it('records a mongoose query once however it is run, and adds successive sorts', async () => {
    const recording = new RecordingConnection();
    const model = recording.connection.model('Staff', staffSchema);
    const query = model.find({ tenant: 't' }).sort('username').sort({ _id: -1 });
    await query.exec();
    await query;
    expect(recording.queries).toEqual([
      {
        collection: 'staff',
        operation: 'find',
        filter: { tenant: 't' },
        sort: [
          ['username', 1],
          ['_id', -1],
        ],
      },
    ]);
  });

  it('records a raw cursor read however it is consumed', async () => {
    const recording = new RecordingConnection();
    const staff = recording.connection.collection('staff');
    for await (const doc of staff.find({ tenant: 't' })) throw new Error(`no document expected: ${String(doc)}`);
    await expect(staff.find({ status: 's' }).next()).resolves.toBeNull();
    expect(recording.queries.map((q) => q.filter)).toEqual([{ tenant: 't' }, { status: 's' }]);
  });

  it('refuses what it cannot judge instead of answering it', () => {
    const recording = new RecordingConnection();
    expect(() => recording.connection.collection('staff').aggregate([])).toThrow('cannot judge');
    expect(() => recording.connection.model('Staff')).toThrow('before it was registered');
  });
});

describe('exercise and publicMethods', () => {
  it('names the public methods a class declares, and the ones the calls invoked directly', async () => {
    expect(publicMethods(StaffStore)).toEqual(['countOf', 'list', 'raw', 'windowsOf']);
    const recording = new RecordingConnection();
    const store = new StaffStore(recording.connection);
    const invoked = await exercise(recording, 'StaffStore', store, {
      list: (s) => s.list('t'),
      countOf: async () => undefined,
      raw: (s) => s.raw('s1'),
      windowsOf: (s) => s.windowsOf('s1'),
      _helper: async (s) => s._helper(),
    });
    expect(invoked).toEqual(['_helper', 'list', 'raw', 'windowsOf']);
    expect(recording.queries.map((q) => q.source)).toEqual([
      'StaffStore.list',
      'StaffStore.raw',
      'StaffStore.windowsOf',
    ]);
  });
});
