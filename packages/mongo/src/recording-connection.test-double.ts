import type { Connection, Schema } from 'mongoose';
import { sortFields, type RecordedQuery, type SortSpec } from './query-shapes';

/**
 * Unit-test double of a mongoose Connection: repositories are constructed with it, their models and raw
 * collections record every filter and sort they are asked for (per collection), and answer as an empty database
 * would (null, [], 0, a write that matched one document), so a repository method runs to its end. Inserts record
 * nothing: they need no query index. Used with expectEveryQueryCovered (query-shapes.ts); never in production.
 */

type Filter = Record<string, unknown>;
type Options = { sort?: SortSpec } | undefined;

const UPDATED = Object.freeze({
  acknowledged: true,
  matchedCount: 1,
  modifiedCount: 1,
  upsertedCount: 0,
  upsertedId: null,
});
const DELETED = Object.freeze({ acknowledged: true, deletedCount: 1 });

function duplicateKeyError(collection: string): Error {
  return Object.assign(new Error(`E11000 duplicate key error collection: ${collection} (recording double)`), {
    code: 11000,
  });
}

/** A sort as [field, direction] pairs, directions as given (queryShapes judges them). */
function sortPairs(sort: SortSpec | undefined): [string, unknown][] {
  if (sort === undefined) return [];
  if (typeof sort === 'string') return sortFields(sort).sort;
  if (Array.isArray(sort)) return (sort as readonly (readonly [string, unknown])[]).map(([f, d]) => [f, d]);
  return Object.entries(sort);
}

/** Successive `.sort()` calls add to the sort (a field given again keeps its place), as in mongoose and the driver. */
function appendSort(current: [string, unknown][], sort: SortSpec | undefined): [string, unknown][] {
  const merged = new Map(current);
  for (const [field, dir] of sortPairs(sort)) merged.set(field, dir);
  return [...merged];
}

/** A mongoose Query or driver cursor: chainable, records its filter and sort once, when it runs. */
class RecordedRead implements PromiseLike<unknown> {
  private sorted: [string, unknown][];
  private ran = false;

  constructor(
    private readonly record: (sort: [string, unknown][] | undefined) => void,
    private readonly answer: unknown,
    options: Options,
  ) {
    this.sorted = appendSort([], options?.sort);
  }

  sort(sort: SortSpec) {
    this.sorted = appendSort(this.sorted, sort);
    return this;
  }

  // Paging, projection and read options change no index choice here.
  skip() {
    return this;
  }
  limit() {
    return this;
  }
  lean() {
    return this;
  }
  select() {
    return this;
  }
  project() {
    return this;
  }
  projection() {
    return this;
  }
  batchSize() {
    return this;
  }
  session() {
    return this;
  }
  maxTimeMS() {
    return this;
  }
  collation() {
    return this;
  }
  hint() {
    return this;
  }
  read() {
    return this;
  }

  private run(): unknown {
    if (!this.ran) this.record(this.sorted.length ? this.sorted : undefined);
    this.ran = true;
    return this.answer;
  }

  async exec() {
    return this.run();
  }
  async toArray() {
    return this.run();
  }
  async next() {
    this.run();
    return null;
  }
  async hasNext() {
    this.run();
    return false;
  }
  async forEach() {
    this.run();
  }
  async close() {}
  [Symbol.asyncIterator](): AsyncIterator<never> {
    this.run();
    return { next: async () => ({ done: true, value: undefined }) };
  }
  then<A = unknown, B = never>(
    onFulfilled?: ((value: unknown) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.exec().then(onFulfilled, onRejected);
  }
}

/** A driver Collection: the raw reads and writes a repository makes through `model.collection` or `connection.collection`. */
class RecordingCollection {
  constructor(
    readonly collectionName: string,
    private readonly recorder: RecordingConnection,
  ) {}

  private read(operation: string, filter: Filter | undefined, answer: unknown, options?: Options) {
    return new RecordedRead(
      (sort) => this.recorder.record(this.collectionName, operation, filter, sort),
      answer,
      options,
    );
  }

  private async write(operation: string, filter: Filter | undefined, answer: unknown, options?: Options) {
    this.recorder.record(this.collectionName, operation, filter, appendSort([], options?.sort));
    return answer;
  }

  private async insert(answer: unknown) {
    if (this.recorder.duplicateKeys) throw duplicateKeyError(this.collectionName);
    return answer;
  }

  find(filter?: Filter, options?: Options) {
    return this.read('find', filter, [], options);
  }
  findOne(filter?: Filter, options?: Options) {
    return this.read('findOne', filter, null, options).exec();
  }
  countDocuments(filter?: Filter, options?: Options) {
    return this.read('countDocuments', filter, 0, options).exec();
  }
  async estimatedDocumentCount() {
    return 0;
  }
  distinct(_field: string, filter?: Filter) {
    return this.read('distinct', filter, []).exec();
  }
  updateOne(filter: Filter, _update: unknown, options?: Options) {
    return this.write('updateOne', filter, UPDATED, options);
  }
  updateMany(filter: Filter) {
    return this.write('updateMany', filter, UPDATED);
  }
  replaceOne(filter: Filter, _replacement: unknown, options?: Options) {
    return this.write('replaceOne', filter, UPDATED, options);
  }
  deleteOne(filter: Filter) {
    return this.write('deleteOne', filter, DELETED);
  }
  deleteMany(filter: Filter) {
    return this.write('deleteMany', filter, DELETED);
  }
  findOneAndUpdate(filter: Filter, _update: unknown, options?: Options) {
    return this.write('findOneAndUpdate', filter, null, options);
  }
  findOneAndReplace(filter: Filter, _replacement: unknown, options?: Options) {
    return this.write('findOneAndReplace', filter, null, options);
  }
  findOneAndDelete(filter: Filter, options?: Options) {
    return this.write('findOneAndDelete', filter, null, options);
  }
  insertOne(document: { _id?: unknown }) {
    return this.insert({ acknowledged: true, insertedId: document._id });
  }
  insertMany(documents: { _id?: unknown }[]) {
    return this.insert({
      acknowledged: true,
      insertedCount: documents.length,
      insertedIds: Object.fromEntries(documents.map((d, i) => [i, d._id])),
    });
  }
  aggregate(): never {
    throw new Error(`${this.collectionName}.aggregate: the recording double cannot judge a pipeline's index use`);
  }
  /** Each operation's filter is recorded as the single write of its kind would record it. */
  async bulkWrite(operations: Record<string, { filter?: Filter }>[]) {
    for (const op of operations) {
      const [kind, body] = Object.entries(op)[0] as [string, { filter?: Filter }];
      if (kind === 'insertOne') await this.insert(undefined);
      else await this.write(kind, body.filter, UPDATED);
    }
    return { ok: 1, insertedCount: 0, matchedCount: 0, modifiedCount: 0, upsertedCount: 0, deletedCount: 0 };
  }
  async createIndexes() {
    return [];
  }
}

/** A mongoose Model: the query methods repositories call, recorded on the model's collection. */
class RecordingModel {
  readonly collection: RecordingCollection;

  constructor(
    readonly modelName: string,
    readonly schema: Schema,
    private readonly recorder: RecordingConnection,
  ) {
    this.collection = recorder.collection(collectionNameOf(modelName, schema));
  }

  private read(operation: string, filter: Filter | undefined, answer: unknown, options?: Options) {
    const name = this.collection.collectionName;
    return new RecordedRead((sort) => this.recorder.record(name, operation, filter, sort), answer, options);
  }

  private write(operation: string, filter: Filter | undefined, answer: unknown, options?: Options) {
    // A mongoose write is a Query too: awaited, or exec()'d, it runs once.
    return this.read(operation, filter, answer, options);
  }

  find(filter?: Filter, _projection?: unknown, options?: Options) {
    return this.read('find', filter, [], options);
  }
  findOne(filter?: Filter, _projection?: unknown, options?: Options) {
    return this.read('findOne', filter, null, options);
  }
  findById(id: unknown, _projection?: unknown, options?: Options) {
    return this.read('findById', { _id: id }, null, options);
  }
  exists(filter: Filter) {
    return this.read('exists', filter, null);
  }
  countDocuments(filter?: Filter) {
    return this.read('countDocuments', filter, 0);
  }
  estimatedDocumentCount() {
    return Promise.resolve(0);
  }
  distinct(_field: string, filter?: Filter) {
    return this.read('distinct', filter, []);
  }
  updateOne(filter: Filter, _update?: unknown, options?: Options) {
    return this.write('updateOne', filter, UPDATED, options);
  }
  updateMany(filter: Filter) {
    return this.write('updateMany', filter, UPDATED);
  }
  replaceOne(filter: Filter) {
    return this.write('replaceOne', filter, UPDATED);
  }
  deleteOne(filter: Filter) {
    return this.write('deleteOne', filter, DELETED);
  }
  deleteMany(filter: Filter) {
    return this.write('deleteMany', filter, DELETED);
  }
  findOneAndUpdate(filter: Filter, _update?: unknown, options?: Options) {
    return this.write('findOneAndUpdate', filter, null, options);
  }
  findOneAndDelete(filter: Filter, options?: Options) {
    return this.write('findOneAndDelete', filter, null, options);
  }
  findOneAndReplace(filter: Filter, _replacement?: unknown, options?: Options) {
    return this.write('findOneAndReplace', filter, null, options);
  }
  findByIdAndUpdate(id: unknown, _update?: unknown, options?: Options) {
    return this.write('findByIdAndUpdate', { _id: id }, null, options);
  }
  findByIdAndDelete(id: unknown) {
    return this.write('findByIdAndDelete', { _id: id }, null);
  }
  async create(docs: unknown) {
    await this.collection.insertOne({});
    return docs;
  }
  async insertMany(docs: unknown[]) {
    await this.collection.insertMany([]);
    return docs;
  }
  aggregate(): never {
    return this.collection.aggregate();
  }
  async createIndexes() {}
}

/** The collection a model is stored in: the schema's `collection` option, else mongoose's default plural. */
function collectionNameOf(modelName: string, schema: Schema): string {
  const named = schema.get('collection');
  return typeof named === 'string' ? named : `${modelName.toLowerCase()}s`;
}

export class RecordingConnection {
  /** Every query issued, in order. */
  readonly queries: RecordedQuery[] = [];
  /** The schemas of the models repositories registered, by collection name. */
  readonly schemas = new Map<string, Schema>();
  /** While true, every insert fails with a duplicate key (E11000), as if the document existed: drives retry paths. */
  duplicateKeys = false;
  readonly readyState = 1;
  readonly db = { databaseName: 'recording', collection: (name: string) => this.collection(name) };

  private readonly models = new Map<string, RecordingModel>();
  private readonly collections = new Map<string, RecordingCollection>();
  private source: string | undefined;

  /** The double, as the mongoose Connection the repositories take. */
  get connection(): Connection {
    return this as unknown as Connection;
  }

  model(name: string, schema?: Schema) {
    const existing = this.models.get(name);
    if (existing) {
      if (schema && schema !== existing.schema) throw new Error(`model ${name} registered twice with two schemas`);
      return existing;
    }
    if (!schema) throw new Error(`model ${name} used before it was registered with a schema`);
    const model = new RecordingModel(name, schema, this);
    this.models.set(name, model);
    this.schemas.set(model.collection.collectionName, schema);
    return model;
  }

  collection(name: string): RecordingCollection {
    let collection = this.collections.get(name);
    if (!collection) this.collections.set(name, (collection = new RecordingCollection(name, this)));
    return collection;
  }

  async close() {}

  record(collection: string, operation: string, filter: Filter | undefined, sort: [string, unknown][] | undefined) {
    this.queries.push({
      collection,
      operation,
      filter: filter ?? {},
      ...(sort && sort.length ? { sort } : {}),
      ...(this.source ? { source: this.source } : {}),
    });
  }

  /** Runs `work` with its queries attributed to `source` (e.g. `MongoStaffRepository.list`). */
  async during<T>(source: string, work: () => Promise<T>): Promise<T> {
    const outer = this.source;
    this.source = source;
    try {
      return await work();
    } finally {
      this.source = outer;
    }
  }

  /** Runs `work` with every insert failing on a duplicate key. */
  async withDuplicateKeys<T>(work: () => Promise<T>): Promise<T> {
    this.duplicateKeys = true;
    try {
      return await work();
    } finally {
      this.duplicateKeys = false;
    }
  }
}

/** The public methods of `subject` (a class instance), each with a call exercising it with sample arguments. */
export type MethodCalls<T> = {
  [K in keyof T as T[K] extends (...args: any[]) => unknown ? K : never]-?: (subject: T) => Promise<unknown>;
};

/** The public methods a class declares: its prototype's functions, not the constructor, accessors or `_helpers`. */
export function publicMethods(cls: abstract new (...args: any[]) => unknown): string[] {
  return Object.entries(Object.getOwnPropertyDescriptors(cls.prototype))
    .filter(([name, d]) => name !== 'constructor' && !name.startsWith('_') && typeof d.value === 'function')
    .map(([name]) => name)
    .sort();
}

/**
 * Runs each call against `subject`, its queries attributed to `<name>.<method>`, and answers the methods the calls
 * really invoked (directly, not through another method), sorted: compare with publicMethods(Class).
 */
export async function exercise<T extends object>(
  recording: RecordingConnection,
  name: string,
  subject: T,
  calls: MethodCalls<T>,
): Promise<string[]> {
  const invoked = new Set<string>();
  // Methods run with `this` = the subject itself, so what they call on `this` is not counted as exercised.
  const watched = new Proxy(subject, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      return (...args: unknown[]) => {
        invoked.add(property);
        return value.apply(target, args);
      };
    },
  });
  for (const [method, call] of Object.entries(calls) as [string, (s: T) => Promise<unknown>][]) {
    await recording.during(`${name}.${method}`, () => call(watched));
  }
  return [...invoked].sort();
}
