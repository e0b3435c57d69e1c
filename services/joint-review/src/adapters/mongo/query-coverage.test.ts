import { expectEveryQueryCovered } from '@govhall/mongo';
import { exercise, publicMethods, RecordingConnection } from '@govhall/mongo/src/recording-connection.test-double';
import type { JointReview } from '../../domain/reviews/joint-review';
import type { Task } from '../../domain/tasks/task';
import type { ExternalEvent } from '../../domain/external-cases/external-event';
import { flowSchema, MongoJointFlows } from './joint-flow.repository';
import { MongoJointReviewRepository } from './joint-review.repository';
import { jointReviewSchema } from './joint-review.schema';
import { MongoProjectRepository } from './project.repository';
import { projectSchema } from './project.schema';
import { MongoReviewSettings } from './review-settings.repository';
import type { Project } from '../../domain/projects/project';
import { externalEventSchema, MongoExternalCaseEvents } from './external-case-events.repository';
import { MongoSystemRequests } from './system-requests.repository';
import { changeSchema, counterSchema, MongoTaskChanges } from './task-changes.repository';

/*
 * Every query the service asks of its database, recorded with the RecordingConnection of @govhall/mongo (every
 * public method of every repository exercised), must be served by an index its schema declares (the
 * equality-sort-range rule of docs/store-rules.md). Flows and settings are read by `_id` only.
 */

const at = new Date('2026-06-04T02:00:00Z');
const review: JointReview = {
  id: 'jr-1',
  tenant: '620300',
  caseId: 'case-1',
  caseNumber: '62030020260604000001',
  itemId: 'item-1',
  itemSeriesId: 'series-1',
  itemName: '食品经营许可',
  itemBasicCode: '000111222333',
  leadDepartment: '620300-SCJ',
  leadWindowId: 'w-scj',
  leadRule: 'designated_per_item',
  state: 'open',
  tasks: [],
  currentStage: 1,
  casePromisedDueDate: '2026-06-25',
  caseStatutoryDueDate: '2026-07-02',
  meetingIds: [],
  projectId: '',
  cancelledReason: '',
  openedBy: 'system',
  openedAt: at,
  updatedAt: at,
  version: 1,
  legs: [],
};
const page = { pageSize: 10, pageToken: '' };
const externalEvent: ExternalEvent = {
  ...{ eventId: 'e-1', formatVersion: '1', tenant: '620300', department: '620300-XFJ', caseNumber: 'N1' },
  ...{ itemImplementationCode: '', itemBasicCode: '000111222333', itemName: '排污许可', kind: 'received' },
  ...{ occurredAt: at, handlerName: '张三', handlerId: '', applicantName: '王*', channel: 'counter' },
  ...{ promisedLimitWorkingDays: 10, statutoryLimitWorkingDays: 20, procedure: '', plannedWorkingDays: 0 },
  ...{ extensionWorkingDays: 0, outcome: '', reasons: [], licenceNumber: '', feeFen: 0, note: '' },
};

describe('the joint-review database', () => {
  it('serves every query of the review repository from a declared index', async () => {
    const recording = new RecordingConnection();
    const repo = new MongoJointReviewRepository(recording.connection);
    const invoked = await exercise(recording, 'MongoJointReviewRepository', repo, {
      insert: async (r) => {
        await r.insert(review, []);
        await recording.withDuplicateKeys(() => r.insert(review, [])).catch(() => undefined);
      },
      findById: (r) => r.findById('jr-1'),
      findByCase: (r) => r.findByCase('620300', 'case-1'),
      findByCaseNumber: (r) => r.findByCaseNumber('620300', 'YC20260604001'),
      findByTask: (r) => r.findByTask('task-1'),
      save: (r) => r.save({ ...review, version: 2 }, 1, []),
      listUnreported: (r) => r.listUnreported(10),
      listTasks: async (r) => {
        await r.listTasks({ tenant: '620300', departments: ['620300-XFJ'], states: [] }, page);
        await r.listTasks(
          {
            tenant: '620300',
            departments: [],
            states: ['open', 'claimed'],
            assignee: 'u',
            orUnclaimedOf: ['620300-XFJ'],
          },
          page,
        );
        await r.listTasks({ tenant: '620300', departments: [], states: ['open'] }, page);
      },
      listReviews: async (r) => {
        await r.listReviews({ tenant: '620300', department: '620300-XFJ', states: [] }, page);
        await r.listReviews({ tenant: '620300', states: ['open'] }, page);
      },
    });
    expect(invoked).toEqual(publicMethods(MongoJointReviewRepository));
    expectEveryQueryCovered(recording.queries, [jointReviewSchema]);
  });

  it('reads flows and settings by _id only', async () => {
    const recording = new RecordingConnection();
    const flows = new MongoJointFlows(recording.connection);
    const settings = new MongoReviewSettings(recording.connection);
    expect(await flows.find('620300', 'series-1')).toBeNull();
    expect((await settings.forTenant('620300')).leadRule).toBe('designated_per_item');
    expect(recording.queries.map((q) => q.filter)).toEqual([{ _id: '620300:series-1' }, { _id: '620300' }]);
  });

  it('lists a tenant’s flows by item name from a declared index', async () => {
    const recording = new RecordingConnection();
    const flows = new MongoJointFlows(recording.connection);
    await flows.list('620300', page);
    expect(recording.queries.length).toBeGreaterThan(0);
    expectEveryQueryCovered(recording.queries, [flowSchema]);
  });

  it('serves every query of the project repository from a declared index', async () => {
    const recording = new RecordingConnection();
    const repo = new MongoProjectRepository(recording.connection);
    const project: Project = {
      id: 'p-1',
      tenant: '620321',
      name: '物流园建设项目',
      projectCode: '2026-620321-59-01-000123',
      kind: 'investment',
      authorisation: 'filing',
      classified: false,
      publicProgress: true,
      description: '',
      location: '',
      totalInvestmentFen: 0,
      investor: { personId: 'lp-1', name: '永昌县金川河商贸有限公司', creditCode: '91620321MA7H2K3L1W' },
      cases: [],
      state: 'active',
      closedReason: '',
      createdBy: 'yc-admin',
      createdAt: at,
      updatedAt: at,
      version: 1,
      requestId: 'r-1',
    };
    const invoked = await exercise(recording, 'MongoProjectRepository', repo, {
      insert: async (r) => {
        await r.insert(project);
        await recording.withDuplicateKeys(() => r.insert(project)).catch(() => undefined);
      },
      findById: (r) => r.findById('p-1'),
      findByCase: (r) => r.findByCase('case-1'),
      save: (r) => r.save({ ...project, version: 2 }, 1),
      list: (r) => r.list({ tenant: '620321', state: 'active', query: '物流' }, page),
      findByCode: (r) => r.findByCode('2026-620321-59-01-000123'),
      findByInvestors: (r) => r.findByInvestors(['lp-1', 'lp-2']),
    });
    expect(invoked).toEqual(publicMethods(MongoProjectRepository));
    expectEveryQueryCovered(recording.queries, [projectSchema]);
  });

  it('serves the departments’ change streams from a declared index', async () => {
    const recording = new RecordingConnection();
    const repo = new MongoTaskChanges(recording.connection);
    const invoked = await exercise(recording, 'MongoTaskChanges', repo, {
      // The recording store answers no counter: the reads before the insert are what is checked.
      append: (r) =>
        r
          .append([{ eventId: 'e-1', change: 'opened', task: { tenant: '620300', department: 'd' } as Task, at }])
          .catch(() => undefined),
      after: (r) => r.after('620300', '620300-XFJ', 3, 100),
      find: (r) => r.find('620300', '620300-XFJ', 3),
      latest: (r) => r.latest('620300', '620300-XFJ'),
    });
    expect(invoked).toEqual(publicMethods(MongoTaskChanges));
    expectEveryQueryCovered(recording.queries, [changeSchema, counterSchema]);
  });

  it('reads department systems’ requests by _id only', async () => {
    const recording = new RecordingConnection();
    const requests = new MongoSystemRequests(recording.connection);
    expect(await requests.find('service:dept-xfj', 'r-1')).toBeNull();
    expect(recording.queries.map((q) => q.filter)).toEqual([{ _id: 'service:dept-xfj:r-1' }]);
  });

  it('serves the reported external case events from a declared index', async () => {
    const recording = new RecordingConnection();
    const repo = new MongoExternalCaseEvents(recording.connection);
    const invoked = await exercise(recording, 'MongoExternalCaseEvents', repo, {
      existing: (r) => r.existing('620300', '620300-XFJ', ['e-1', 'e-2']),
      progress: (r) => r.progress(['620300:620300-XFJ:N1']),
      insert: async (r) => {
        await r.insert(externalEvent, 'service:s', at);
      },
    });
    expect(invoked).toEqual(publicMethods(MongoExternalCaseEvents));
    expectEveryQueryCovered(recording.queries, [externalEventSchema]);
  });
});
