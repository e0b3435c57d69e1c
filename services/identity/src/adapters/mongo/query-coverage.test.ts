import { expectEveryQueryCovered } from '@govhall/mongo';
import { exercise, publicMethods, RecordingConnection } from '@govhall/mongo/src/recording-connection.test-double';
import { createDepartment } from '../../domain/department';
import { activateServiceAccount, newServiceAccount } from '../../domain/service-account';
import { activateStaff, disableStaff, newStaff, recordLeave } from '../../domain/staff';
import { createTenant, updateServiceCenter } from '../../domain/tenant';
import { assignPosts, createWindow } from '../../domain/window';
import { windowInput } from '../../domain/window.test-double';
import { applicantSetup } from '../../usecases/in-memory-applicants.test-double';
import { actors, center, NOW } from '../../usecases/in-memory-tenancy.test-double';
import { staffCommand } from '../../usecases/in-memory-staff.test-double';
import { MongoDepartmentRepository } from './department.repository';
import { departmentSchema } from './department.schema';
import { MongoLegalPersonRepository } from './legal-person.repository';
import { legalPersonSchema } from './legal-person.schema';
import { MongoNaturalPersonRepository } from './natural-person.repository';
import { naturalPersonSchema } from './natural-person.schema';
import { MongoServiceAccountRepository } from './service-account.repository';
import { serviceAccountSchema } from './service-account.schema';
import { MongoStaffRepository } from './staff.repository';
import { staffSchema } from './staff.schema';
import { MongoTenancyLookup } from './tenancy-lookup';
import { MongoTenantRepository } from './tenant.repository';
import { tenantSchema } from './tenant.schema';
import { MongoWindowRepository } from './window.repository';
import { windowSchema } from './window.schema';

const LATER = new Date(NOW.getTime() + 60_000);
const actor = actors.ycAdmin;

// Sample entities and their events, made by the domain functions the use cases call.
const { tenant, events: tenantCreated } = createTenant(
  { code: '620321', name: '永昌县', level: '', parentCode: '620300', center: center() },
  NOW,
);
const centerUpdate = updateServiceCenter(tenant, center('永昌县政务大厅'), LATER);
const { department, events: departmentCreated } = createDepartment(
  { tenant: '620321', abbreviation: 'SCJG', name: '市场监督管理局' },
  NOW,
);
const { window, events: windowCreated } = createWindow(windowInput(), 'w0000000-0000-4000-8000-000000000001', NOW);
const postsAssigned = assignPosts(window, 'b', 'a', LATER);
const provisioningStaff = newStaff(staffCommand(), 's0000000-0000-4000-8000-000000000001', NOW);
const activated = activateStaff(provisioningStaff, 'sub-yc-clerk-new', LATER);
const onLeave = recordLeave(activated.staff, { fromDate: '2026-12-01', toDate: '2026-12-03', reason: '年休假' }, LATER);
const disabled = disableStaff(onLeave.staff, '调离', LATER);
const provisioningAccount = newServiceAccount(
  { tenant: '620321', department: '620321-SCJG', clientId: 'yc-scjg-system', description: '市场监管业务系统' },
  'a0000000-0000-4000-8000-000000000001',
  NOW,
);
const accountActivated = activateServiceAccount(provisioningAccount, 'kc-client-1', LATER);

describe('identity queries are served by the indexes of their schemas', () => {
  const recording = new RecordingConnection();
  const connection = recording.connection;
  const tenants = new MongoTenantRepository(connection);
  const departments = new MongoDepartmentRepository(connection);
  const windows = new MongoWindowRepository(connection);
  const staff = new MongoStaffRepository(connection);
  const serviceAccounts = new MongoServiceAccountRepository(connection);
  const naturalPersons = new MongoNaturalPersonRepository(connection);
  const legalPersons = new MongoLegalPersonRepository(connection);
  const lookup = new MongoTenancyLookup(connection);
  const invoked: Record<string, string[]> = {};

  beforeAll(async () => {
    // A company held by 张三 with 李四 as its agent, registered through the applicant use cases.
    const applicants = applicantSetup();
    const { holder, agent, legalPerson } = await applicants.company();
    const person = holder.person;
    const [registered] = applicants.naturalPersons.events;
    const [legalRegistered, ...agentAuthorized] = applicants.legalPersons.events;

    invoked.MongoTenantRepository = await exercise(recording, 'MongoTenantRepository', tenants, {
      insert: (r) => r.insert(tenant, tenantCreated, actor),
      findByCode: (r) => r.findByCode(tenant.code),
      listChildren: async (r) => {
        await r.listChildren('620300');
        await r.listChildren(undefined);
      },
      updateCenter: (r) => r.updateCenter(centerUpdate.tenant, centerUpdate.events, tenant.version, actor),
    });
    invoked.MongoDepartmentRepository = await exercise(recording, 'MongoDepartmentRepository', departments, {
      insert: (r) => r.insert(department, departmentCreated, actor),
      listByTenant: (r) => r.listByTenant('620321'),
      findByCode: (r) => r.findByCode(department.code),
      update: (r) => r.update({ ...department, version: 2 }, departmentCreated, 1, actor),
    });
    invoked.MongoWindowRepository = await exercise(recording, 'MongoWindowRepository', windows, {
      insert: (r) => r.insert(window, windowCreated, actor),
      findById: (r) => r.findById(window.id),
      listByTenant: (r) => r.listByTenant('620321'),
      updatePosts: (r) => r.updatePosts(postsAssigned.window, postsAssigned.events, window.version, actor),
      update: (r) => r.update(postsAssigned.window, postsAssigned.events, window.version + 1, actor),
    });
    invoked.MongoStaffRepository = await exercise(recording, 'MongoStaffRepository', staff, {
      insert: (r) => r.insert(provisioningStaff),
      findById: (r) => r.findById(provisioningStaff.id),
      findByUsername: (r) => r.findByUsername('yc-clerk-new'),
      findBySubject: (r) => r.findBySubject('sub-yc-clerk-new'),
      list: async (r) => {
        await r.list('620321', undefined, 0, 20);
        await r.list('620321', '620321-SCJG', 20, 20);
      },
      update: async (r) => {
        await r.update(activated.staff, provisioningStaff.version, activated.events, actor);
        await r.update(disabled.staff, onLeave.staff.version, disabled.events, actor);
      },
      removeProvisioning: (r) => r.removeProvisioning(provisioningStaff.id, provisioningStaff.version),
      findProvisioning: (r) => r.findProvisioning(NOW),
      findByIds: async (r) => {
        await r.findByIds([]);
        await r.findByIds(['a', 'b']);
      },
      findActiveWithRole: async (r) => {
        await r.findActiveWithRole('620321', 'department_head', '620321-SCJG');
        await r.findActiveWithRole('620321', 'center_admin');
      },
    });
    invoked.MongoServiceAccountRepository = await exercise(
      recording,
      'MongoServiceAccountRepository',
      serviceAccounts,
      {
        insert: (r) => r.insert(provisioningAccount),
        findById: (r) => r.findById(provisioningAccount.id),
        findByClientId: (r) => r.findByClientId('yc-scjg-system'),
        list: (r) => r.list('620321'),
        update: (r) =>
          r.update(accountActivated.serviceAccount, provisioningAccount.version, accountActivated.events, actor),
        removeProvisioning: (r) => r.removeProvisioning(provisioningAccount.id, provisioningAccount.version),
        findProvisioning: (r) => r.findProvisioning(NOW),
      },
    );
    invoked.MongoNaturalPersonRepository = await exercise(recording, 'MongoNaturalPersonRepository', naturalPersons, {
      insert: (r) => r.insert({ ...person, status: 'provisioning', version: 1 }),
      findById: (r) => r.findById(person.id),
      findByIdNumber: (r) => r.findByIdNumber(person.idNumber),
      findBySubject: (r) => r.findBySubject(person.subject!),
      update: (r) => r.update(person, person.version - 1, [registered!], actor),
      removeProvisioning: (r) => r.removeProvisioning(person.id, 1),
      findProvisioning: (r) => r.findProvisioning(NOW),
      newestOfTenant: (r) => r.newestOfTenant('620321', 10),
    });
    invoked.MongoLegalPersonRepository = await exercise(recording, 'MongoLegalPersonRepository', legalPersons, {
      insert: (r) => r.insert({ ...legalPerson, agents: [], version: 1 }, [legalRegistered!], holder.token),
      findById: (r) => r.findById(legalPerson.id),
      findByCreditCode: (r) => r.findByCreditCode(legalPerson.creditCode),
      findByHolderSubject: (r) => r.findByHolderSubject(legalPerson.holderSubject),
      findByAgentSubject: (r) => r.findByAgentSubject(agent.person.subject!),
      update: (r) => r.update(legalPerson, legalPerson.version - 1, agentAuthorized, holder.token),
      newestOfTenant: (r) => r.newestOfTenant('620321', 10),
    });
    invoked.MongoTenancyLookup = await exercise(recording, 'MongoTenancyLookup', lookup, {
      tenantExists: (l) => l.tenantExists('620321'),
      departmentExists: (l) => l.departmentExists('620321-SCJG'),
      heldBy: (l) => l.heldBy('a'),
    });
  });

  it.each([
    ['MongoTenantRepository', MongoTenantRepository],
    ['MongoDepartmentRepository', MongoDepartmentRepository],
    ['MongoWindowRepository', MongoWindowRepository],
    ['MongoStaffRepository', MongoStaffRepository],
    ['MongoServiceAccountRepository', MongoServiceAccountRepository],
    ['MongoNaturalPersonRepository', MongoNaturalPersonRepository],
    ['MongoLegalPersonRepository', MongoLegalPersonRepository],
    ['MongoTenancyLookup', MongoTenancyLookup],
  ] as const)('exercises every public method of %s', (name, cls) => {
    expect(invoked[name]).toEqual(publicMethods(cls));
  });

  it('records a query for every method but the inserts', () => {
    const sources = new Set(recording.queries.map((q) => q.source));
    const expected = Object.entries(invoked).flatMap(([name, methods]) =>
      methods.filter((m) => m !== 'insert').map((m) => `${name}.${m}`),
    );
    expect([...sources].sort()).toEqual(expected.sort());
  });

  it('serves every query from a declared index', () => {
    expectEveryQueryCovered(recording.queries, [
      tenantSchema,
      departmentSchema,
      windowSchema,
      staffSchema,
      serviceAccountSchema,
      naturalPersonSchema,
      legalPersonSchema,
    ]);
  });
});
