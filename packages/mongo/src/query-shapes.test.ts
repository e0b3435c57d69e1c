import mongoose from 'mongoose';
import {
  coveringIndex,
  declaredIndexes,
  describeShape,
  expectEveryQueryCovered,
  ID_INDEX,
  queryShapes,
  uncoveredQueries,
  type QueryShape,
  type RecordedQuery,
} from './query-shapes';

const shape = (overrides: Partial<QueryShape>): QueryShape => ({
  equality: [],
  range: [],
  sort: [],
  unsupported: [],
  ...overrides,
});

describe('queryShapes', () => {
  it('sorts the fields of a filter into equalities and ranges, and keeps the sort in order', () => {
    const before = new Date('2026-03-02T00:00:00Z');
    expect(
      queryShapes(
        {
          tenant: '620321',
          status: { $in: ['published', 'superseded'] },
          kind: { $eq: '01' },
          'agents.agentSubject': 'kc-1',
          roles: 'window_clerk',
          updatedAt: { $lt: before },
          department: { $ne: null },
          subject: { $exists: true },
          name: /^食品/,
        },
        { createdAt: -1, _id: -1 },
      ),
    ).toEqual([
      {
        equality: ['tenant', 'status', 'kind', 'agents.agentSubject', 'roles'],
        range: ['updatedAt', 'department', 'subject', 'name'],
        sort: [
          ['createdAt', -1],
          ['_id', -1],
        ],
        unsupported: [],
      },
    ]);
  });

  it('reads the sort in the forms mongoose and the driver take', () => {
    const sorts = ['basicCode -edition', [['basicCode', 'asc'] as const, ['edition', 'desc'] as const]] as const;
    for (const sort of sorts) {
      expect(queryShapes({}, sort)[0]!.sort).toEqual([
        ['basicCode', 1],
        ['edition', -1],
      ]);
    }
  });

  it('counts a sub-document compared as a whole, a date and null as equalities, and a field in both as an equality', () => {
    const [only] = queryShapes({
      outboxLease: { owner: 'a' },
      createdAt: new Date(),
      subject: null,
      version: 3,
      $and: [{ version: { $gte: 1 } }],
    });
    expect(only).toEqual(shape({ equality: ['outboxLease', 'createdAt', 'subject', 'version'] }));
  });

  it('makes one shape per $or branch, each with the conditions outside the $or; $and merges', () => {
    const shapes = queryShapes(
      { tenant: 't', $or: [{ aPostStaffId: 's' }, { bPostStaffId: 's', number: { $gt: '1' } }] },
      { number: 1 },
    );
    expect(shapes).toEqual([
      shape({ equality: ['tenant', 'aPostStaffId'], sort: [['number', 1]] }),
      shape({ equality: ['tenant', 'bPostStaffId'], range: ['number'], sort: [['number', 1]] }),
    ]);
    expect(queryShapes({ $and: [{ a: 1 }, { $or: [{ b: 1 }, { c: 1 }] }], $or: [{ d: 1 }, { e: 1 }] })).toHaveLength(4);
  });

  it('follows $elemMatch into the array elements', () => {
    expect(
      queryShapes({ agents: { $elemMatch: { agentSubject: 'kc-1', validUntil: { $gte: '2026-01-01' } } } }),
    ).toEqual([shape({ equality: ['agents.agentSubject'], range: ['agents.validUntil'] })]);
    expect(queryShapes({ scores: { $elemMatch: { $gt: 1 } } })).toEqual([shape({ range: ['scores'] })]);
  });

  it('reports what it cannot judge', () => {
    const [judged] = queryShapes(
      { $expr: { $gt: ['$a', '$b'] }, tags: { $size: 2 } },
      { score: { $meta: 'textScore' } },
    );
    expect(judged!.unsupported).toEqual(['$expr', '$size on tags', 'sort score: {"$meta":"textScore"}']);
  });
});

describe('coveringIndex', () => {
  const staffIndexes = [{ username: 1 }, { tenant: 1, department: 1, username: 1 }, { status: 1, updatedAt: 1 }];

  it('serves equality fields in any order, then the sort, then the range fields', () => {
    const eqSort = shape({ equality: ['department', 'tenant'], sort: [['username', 1]] });
    expect(coveringIndex(eqSort, staffIndexes)).toEqual({ tenant: 1, department: 1, username: 1 });
    const eqRange = shape({ equality: ['status'], range: ['updatedAt'] });
    expect(coveringIndex(eqRange, staffIndexes)).toEqual({ status: 1, updatedAt: 1 });
    expect(coveringIndex(shape({ equality: ['tenant', 'department'] }), staffIndexes)).not.toBeNull();
  });

  it('refuses an index that leaves an equality field out of its prefix or puts a field between equality and sort', () => {
    expect(coveringIndex(shape({ equality: ['tenant'], sort: [['username', 1]] }), staffIndexes)).toBeNull();
    expect(coveringIndex(shape({ equality: ['tenant', 'status'] }), staffIndexes)).toBeNull();
    expect(coveringIndex(shape({ equality: ['department'] }), staffIndexes)).toBeNull();
    expect(coveringIndex(shape({ range: ['updatedAt'] }), staffIndexes)).toBeNull();
    expect(coveringIndex(shape({ equality: ['status'], range: ['createdAt'] }), staffIndexes)).toBeNull();
  });

  it('accepts a sort in the index direction or all reversed, never mixed', () => {
    const indexes = [{ tenant: 1, createdAt: -1, _id: -1 }];
    const sorted = (a: 1 | -1, b: 1 | -1) =>
      shape({
        equality: ['tenant'],
        sort: [
          ['createdAt', a],
          ['_id', b],
        ],
      });
    expect(coveringIndex(sorted(-1, -1), indexes)).toEqual(indexes[0]);
    expect(coveringIndex(sorted(1, 1), indexes)).toEqual(indexes[0]);
    expect(coveringIndex(sorted(-1, 1), indexes)).toBeNull();
    expect(coveringIndex(shape({ equality: ['tenant'], sort: [['createdAt', -1]] }), indexes)).not.toBeNull();
  });

  it('skips sort fields that are also equality fields', () => {
    const s = shape({
      equality: ['tenant'],
      sort: [
        ['tenant', 1],
        ['number', -1],
      ],
    });
    expect(coveringIndex(s, [{ tenant: 1, number: 1 }])).toEqual({ tenant: 1, number: 1 });
  });

  it('serves a range field that is also the sort from the sort position', () => {
    const s = shape({ range: ['createdAt'], sort: [['createdAt', 1]] });
    expect(coveringIndex(s, [{ createdAt: 1 }])).toEqual({ createdAt: 1 });
  });

  it('always serves an equality on _id, and a sort alone only from an index that starts with it', () => {
    expect(coveringIndex(shape({ equality: ['_id', 'status'], sort: [['edition', 1]] }), [])).toBe(ID_INDEX);
    expect(coveringIndex(shape({ sort: [['_id', 1]] }), [])).toBe(ID_INDEX);
    expect(coveringIndex(shape({ sort: [['username', 1]] }), staffIndexes)).toEqual({ username: 1 });
    expect(coveringIndex(shape({ sort: [['updatedAt', 1]] }), staffIndexes)).toBeNull();
  });

  it('serves a full scan only when the caller allows it, and never a shape it cannot judge', () => {
    expect(coveringIndex(shape({}), staffIndexes)).toBeNull();
    expect(coveringIndex(shape({}), staffIndexes, { allowFullScan: true })).toBe(ID_INDEX);
    expect(coveringIndex(shape({ equality: ['_id'], unsupported: ['$expr'] }), staffIndexes)).toBeNull();
  });

  it('does not use the fields of a text or hashed index key', () => {
    expect(coveringIndex(shape({ equality: ['name'] }), [{ name: 'text' }])).toBeNull();
    expect(coveringIndex(shape({ equality: ['tenant'] }), [{ tenant: 1, name: 'text' }])).not.toBeNull();
  });
});

describe('uncovered queries of a schema', () => {
  const schema = new mongoose.Schema(
    { _id: String, tenant: String, username: { type: String, unique: true }, department: String },
    { collection: 'staff' },
  );
  schema.index({ tenant: 1, department: 1, username: 1 });

  const query = (filter: Record<string, unknown>, sort?: Record<string, 1 | -1>): RecordedQuery => ({
    collection: 'staff',
    operation: 'find',
    filter,
    ...(sort ? { sort } : {}),
    source: 'MongoStaffRepository.list',
  });

  it('reads the indexes a schema declares, path-level ones included', () => {
    expect(declaredIndexes(schema)).toEqual([{ username: 1 }, { tenant: 1, department: 1, username: 1 }]);
  });

  it('lists the queries no index serves, with the indexes there are, and passes when all are served', () => {
    const served = query({ tenant: 't', department: 'd' }, { username: 1 });
    const unserved = query({ tenant: 't' }, { username: 1 });
    expect(() => expectEveryQueryCovered([served], [schema])).not.toThrow();
    expect(uncoveredQueries([served, unserved], { staff: schema })).toEqual([
      {
        query: unserved,
        shape: shape({ equality: ['tenant'], sort: [['username', 1]] }),
        indexes: [ID_INDEX, ...declaredIndexes(schema)],
      },
    ]);
    expect(() => expectEveryQueryCovered([served, unserved], [schema])).toThrow(
      '1 query is not served by an index:\n' +
        '- staff.find (MongoStaffRepository.list): equality(tenant) sort(username: 1)\n' +
        '    indexes: {_id: 1}, {username: 1}, {tenant: 1, department: 1, username: 1}',
    );
  });

  it('reports a collection without a schema, an unsupported operator, and a full scan unless allowed', () => {
    const elsewhere = { ...query({ _id: 'x' }), collection: 'windows' };
    const scan = query({});
    const uncovered = uncoveredQueries([elsewhere, query({ $where: 'true' }), scan], [schema]);
    expect(uncovered.map((u) => [u.query.collection, u.reason])).toEqual([
      ['windows', 'no schema given for the collection'],
      ['staff', 'unsupported: $where'],
      ['staff', undefined],
    ]);
    expect(describeShape(uncovered[2]!.shape)).toBe('no condition (full scan)');
    expect(uncoveredQueries([scan], [schema], { allowFullScan: (q) => q === scan })).toEqual([]);
  });

  it('refuses to pass when nothing was recorded', () => {
    expect(() => expectEveryQueryCovered([], [schema])).toThrow('no query was recorded');
  });
});
