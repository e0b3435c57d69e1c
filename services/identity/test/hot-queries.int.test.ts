import { connectMongo, ensureIndexes, type Connection } from '@govhall/mongo';
import { expectIndexServed, stack, uniqueSuffix } from '@govhall/testing';
import { MongoDepartmentRepository } from '../src/adapters/mongo/department.repository';
import { MongoLegalPersonRepository } from '../src/adapters/mongo/legal-person.repository';
import { MongoNaturalPersonRepository } from '../src/adapters/mongo/natural-person.repository';
import { MongoServiceAccountRepository } from '../src/adapters/mongo/service-account.repository';
import { MongoStaffRepository } from '../src/adapters/mongo/staff.repository';
import { MongoTenantRepository } from '../src/adapters/mongo/tenant.repository';
import { MongoWindowRepository } from '../src/adapters/mongo/window.repository';

// Identity's hot queries, asked of the real local store with the indexes identity declares: each one must be
// served by an index (on FerretDB/PostgreSQL: pushed down and answered by the GIN twin of the declared index).
const db = `govhall_identity_x${uniqueSuffix()}`;
let connection: Connection;
const TENANTS = ['620321', '620302', '620300'];
const many = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

beforeAll(async () => {
  connection = await connectMongo(stack.mongoUri, db);
  await ensureIndexes(
    [
      new MongoTenantRepository(connection),
      new MongoDepartmentRepository(connection),
      new MongoWindowRepository(connection),
      new MongoStaffRepository(connection),
      new MongoNaturalPersonRepository(connection),
      new MongoLegalPersonRepository(connection),
      new MongoServiceAccountRepository(connection),
    ].map((r) => r.model),
  );
  const insert = (name: string, docs: object[]) => connection.collection(name).insertMany(docs as never[]);
  await insert(
    'staff',
    many(3000, (i) => ({
      _id: `staff-${i}`,
      username: `user-${i}`,
      subject: `kc-${i}`,
      tenant: TENANTS[i % 3],
      department: `${TENANTS[i % 3]}-D${i % 20}`,
      roles: ['window_clerk'],
      status: i % 100 === 0 ? 'provisioning' : 'active',
      updatedAt: new Date(2026, 0, 1 + (i % 300)),
      version: 1,
    })),
  );
  await insert(
    'natural_persons',
    many(3000, (i) => ({
      _id: `np-${i}`,
      idNumber: `62032119900101${String(i).padStart(4, '0')}`,
      subject: `kc-np-${i}`,
      tenant: TENANTS[i % 3],
      status: 'active',
      createdAt: new Date(2026, 0, 1 + (i % 300)),
      updatedAt: new Date(2026, 0, 1),
      version: 1,
    })),
  );
  await insert(
    'legal_persons',
    many(3000, (i) => ({
      _id: `lp-${i}`,
      creditCode: `91620321MA${String(i).padStart(8, '0')}`,
      holderSubject: `kc-np-${i}`,
      tenant: TENANTS[i % 3],
      agents: [{ agentSubject: `kc-np-${i + 1}`, status: 'active' }],
      agentSubjects: [`kc-np-${i + 1}`],
      createdAt: new Date(2026, 0, 1 + (i % 300)),
      version: 1,
    })),
  );
  await insert(
    'tenants',
    // A hundred parents of 30 children each: the query selects 1% of the rows. With every row under one parent, an
    // index is no help, and PostgreSQL rightly scans the table once autovacuum has analysed it (seen in a pre-check).
    many(3000, (i) => ({
      _id: `62${String(i).padStart(4, '0')}`,
      parentCode: `6${String(i % 100).padStart(3, '0')}00`,
    })),
  );
  await insert(
    'windows',
    many(3000, (i) => ({ _id: `w-${i}`, tenant: TENANTS[i % 3], number: `A${i}`, aPostStaffId: `staff-${i}` })),
  );
  await insert(
    'service_accounts',
    many(2000, (i) => ({ _id: `sa-${i}`, clientId: `client-${i}`, tenant: TENANTS[i % 3], status: 'active' })),
  );
});

afterAll(async () => {
  await connection?.db?.dropDatabase();
  await connection?.close();
});

const c = (name: string) => connection.collection(name);

describe('identity hot queries use an index', () => {
  it.each([
    ['staff', 'a member of staff by id', { _id: 'staff-7' }],
    ['staff', 'a version-guarded update', { _id: 'staff-7', version: 1 }],
    ['staff', 'by login name', { username: 'user-7' }],
    ['staff', 'by token subject (every request of a staff member)', { subject: 'kc-7' }],
    ['staff', 'logins left half-made (reconciler)', { status: 'provisioning', updatedAt: { $lt: new Date() } }],
    ['natural_persons', 'a person by ID number', { idNumber: '620321199001010007' }],
    ['natural_persons', 'a person by token subject', { subject: 'kc-np-7' }],
    ['legal_persons', 'a legal person by credit code', { creditCode: '91620321MA00000007' }],
    ['legal_persons', 'the legal persons a person holds', { holderSubject: 'kc-np-7' }],
    ['legal_persons', 'the legal persons a person is agent of', { agentSubjects: 'kc-np-8' }],
    ['tenants', 'a tenant by code', { _id: '620007' }],
    ['tenants', 'the children of a tenant', { parentCode: '602000' }],
    ['windows', 'a window by id', { _id: 'w-7' }],
    ['windows', 'the windows a person holds', { aPostStaffId: 'staff-7' }],
    ['service_accounts', 'a service account by client id', { clientId: 'client-7' }],
  ])('%s: %s', async (collection, _what, filter) => {
    await expectIndexServed(c(collection), filter);
  });

  it.each([
    ['staff', 'a department’s staff page', { tenant: '620321', department: '620321-D3' }, { username: 1 }],
    ['natural_persons', 'a tenant’s applicants page', { tenant: '620321' }, { createdAt: -1 }],
    ['legal_persons', 'a tenant’s legal persons page', { tenant: '620321' }, { createdAt: -1 }],
    ['windows', 'a tenant’s windows', { tenant: '620321' }, { number: 1 }],
    ['service_accounts', 'a tenant’s service accounts', { tenant: '620321' }, { clientId: 1 }],
  ] as const)('%s: %s', async (collection, _what, filter, sort) => {
    await expectIndexServed(c(collection), filter, sort);
  });
});
