import { expectEveryQueryCovered } from '@govhall/mongo';
import { exercise, publicMethods, RecordingConnection } from '@govhall/mongo/src/recording-connection.test-double';
import { NotificationLedger, notificationSchema } from '@govhall/notify';
import { draftCase } from '../../domain/case.test-double';
import { defaultCaseSettings } from '../../domain/case-settings';
import { acceptedCase, APPLICANT } from '../../usecases/handling.test-double';
import { businessLicence } from '../../usecases/licences.test-double';
import { CatalogueEditions } from '../catalogue/catalogue-editions';
import { StoredDocumentIssuer } from '../documents/stored-documents';
import { MongoCaseFiles } from './case-files';
import { MongoCaseNumbers } from './case-numbers';
import { MongoCaseSettings } from './case-settings.repository';
import { MongoCaseQueries } from './case.queries';
import { MongoCaseRepository } from './case.repository';
import { caseSchema } from './case.schema';
import { MongoDeemedAcceptanceQueue } from './deemed-acceptance.query';
import { MongoLicenceLibrary } from './licence-library';
import { MongoNotificationInbox } from './site-notifications.repository';

/*
 * Every query the service asks of its database, recorded with the RecordingConnection of @govhall/mongo (every
 * public method of every repository and query class exercised), must be served by an index its schema declares
 * (the equality-sort-range rule of docs/store-rules.md). The recording double answers as an empty database (null,
 * [], 0); where a method cannot go on with such an answer (a counter's `seq`), it rejects after its query ran.
 */

const c = acceptedCase();
const draft = draftCase();
const licence = businessLicence({ caseId: c.id });
const at = new Date('2026-03-02T02:00:00Z');
const ignoreEmptyAnswer = (p: Promise<unknown>) => p.catch(() => undefined);
/** TypeScript-private helpers (on the prototype all the same), reached through the public methods above. */
const PRIVATE: Record<string, string[]> = {
  MongoCaseQueries: ['page'],
  StoredDocumentIssuer: ['nextNumber'],
  NotificationLedger: ['now'],
};

describe('applications queries are served by the indexes of their schemas', () => {
  const recording = new RecordingConnection();
  const cases = new MongoCaseRepository(recording.connection);
  const queries = new MongoCaseQueries(cases.model);
  const deemed = new MongoDeemedAcceptanceQueue(cases.model);
  const numbers = new MongoCaseNumbers(recording.connection);
  const files = new MongoCaseFiles(recording.connection);
  const settings = new MongoCaseSettings(recording.connection);
  const licences = new MongoLicenceLibrary(recording.connection);
  // The catalogue is never reached here: `get` reads the pinned copy, and `current` fails fast on a closed port.
  const editions = new CatalogueEditions(recording.connection, '127.0.0.1:1', 200);
  const documents = new StoredDocumentIssuer(recording.connection, {
    editions: { get: async () => null, current: async () => null },
    clock: { now: () => at },
    ids: { newId: () => '0f6c2d1e-8a4b-4c3d-9e2f-1a2b3c4d5e6f' },
    render: async () => Buffer.from('%PDF-1.7'),
  });
  const ledger = new NotificationLedger(recording.connection, { now: () => at });
  const inbox = new MongoNotificationInbox(recording.connection);
  const invoked: Record<string, string[]> = {};

  beforeAll(async () => {
    invoked.MongoCaseRepository = await exercise(recording, 'MongoCaseRepository', cases, {
      insert: async (r) => {
        await r.insert(draft, [], 'open-key-0001', APPLICANT);
        // A retried OpenCase / RegisterWalkIn finds the first case by the caller and key (none here: it rethrows).
        await expect(
          recording.withDuplicateKeys(() => r.insert(draft, [], 'open-key-0001', APPLICANT)),
        ).rejects.toMatchObject({ code: 11000 });
      },
      findById: (r) => r.findById(c.id),
      findByCaseNumber: (r) => r.findByCaseNumber(c.caseNumber),
      save: (r) => r.save({ ...c, status: 'suspended' }, c.version, [], APPLICANT),
    });
    invoked.MongoCaseQueries = await exercise(recording, 'MongoCaseQueries', queries, {
      listMine: async (q) => {
        await q.listMine(APPLICANT.subject, 'in_progress', 0, 20);
        await q.listMine(APPLICANT.subject, 'completed', 20, 20);
      },
      listQueue: async (q) => {
        await q.listQueue('620321', { window: 'w-1' }, undefined, 0, 20);
        await q.listQueue('620321', { window: 'w-1' }, 'immediate', 0, 20);
        await q.listQueue('620321', { department: '620321-SCJG', role: 'reviewer' }, undefined, 0, 20);
        await q.listQueue('620321', { department: '620321-SCJG' }, 'joint', 20, 20);
      },
      ledger: async (q) => {
        await q.ledger('620321', '2026-03', undefined);
        await q.ledger('620321', '2026-03', '620321-SCJG');
      },
    });
    invoked.MongoDeemedAcceptanceQueue = await exercise(recording, 'MongoDeemedAcceptanceQueue', deemed, {
      dueOn: (q) => q.dueOn('2026-03-09', 100),
      overdue: (q) => q.overdue('2026-03-10', 100),
    });
    invoked.MongoCaseNumbers = await exercise(recording, 'MongoCaseNumbers', numbers, {
      next: (r) => ignoreEmptyAnswer(r.next('620321', '2026-03-02')),
    });
    invoked.MongoCaseFiles = await exercise(recording, 'MongoCaseFiles', files, {
      put: (r) =>
        r.put(
          c.id,
          { id: 'f-1', fileName: '营业执照.pdf', contentType: 'application/pdf', size: 8, sha256: 'a', uploadedAt: at },
          Buffer.from('%PDF-1.7'),
        ),
      get: (r) => r.get(c.id, 'f-1'),
    });
    invoked.MongoCaseSettings = await exercise(recording, 'MongoCaseSettings', settings, {
      get: (r) => r.get('620321'),
      counterNoticeWorkingDays: (r) => r.counterNoticeWorkingDays('620321'),
      extensionCenterReview: (r) => r.extensionCenterReview('620321'),
      hallHours: (r) => r.hallHours('620321'),
      save: async (r) => {
        await r.save(defaultCaseSettings('620321'), 0);
        await r.save(defaultCaseSettings('620321'), 1);
      },
    });
    invoked.MongoLicenceLibrary = await exercise(recording, 'MongoLicenceLibrary', licences, {
      nextSequence: (r) => ignoreEmptyAnswer(r.nextSequence('620321', '000117001000', 2026)),
      insertForCase: async (r) => {
        await r.insertForCase(licence);
        // A retried IssueResult finds the case's first licence (none here: the insert lost to a number or code).
        await expect(recording.withDuplicateKeys(() => r.insertForCase(licence))).rejects.toThrow('no licence');
      },
      findByCase: (r) => r.findByCase(c.id),
      findByNumber: (r) => r.findByNumber(licence.licenceNumber),
      findByVerificationCode: (r) => r.findByVerificationCode(licence.verificationCode),
      departmentsOfHolder: (r) => r.departmentsOfHolder('lp-1'),
      listByHolder: async (r) => {
        await r.listByHolder({ subject: APPLICANT.subject }, { offset: 0, limit: 20 });
        await r.listByHolder({ personId: 'lp-1', departments: ['620321-SCJG'] }, { offset: 0, limit: 20 });
      },
    });
    invoked.CatalogueEditions = await exercise(recording, 'CatalogueEditions', editions, {
      get: (r) => ignoreEmptyAnswer(r.get(c.itemId)),
      current: (r) => ignoreEmptyAnswer(r.current(c.itemId)),
      close: async (r) => r.close(),
    });
    invoked.StoredDocumentIssuer = await exercise(recording, 'StoredDocumentIssuer', documents, {
      issue: (d) => ignoreEmptyAnswer(d.issue(c, 'acceptance_notice', 'yc-window-clerk')),
      get: (d) => d.get(c.id, '0f6c2d1e-8a4b-4c3d-9e2f-1a2b3c4d5e6f'),
    });
    invoked.NotificationLedger = await exercise(recording, 'NotificationLedger', ledger, {
      ensureIndexes: (l) => l.ensureIndexes(),
      enqueue: (l) => l.enqueue({ id: 'evt-1:email', channel: 'email', to: 'a@example.cn', text: '已受理' }),
      get: (l) => l.get('evt-1:email'),
      listByState: (l) => l.listByState('uncertain'),
      listForCase: (l) => l.listForCase(c.caseNumber),
      due: (l) => l.due(at, 50),
      abandoned: (l) => l.abandoned(at, 50),
      update: (l) => l.update('evt-1:email', 1, { state: 'sending', leaseUntil: at }),
      resolveUncertain: (l) => l.resolveUncertain('evt-1:email', 'resend', 'yc-admin'),
      sweep: (l) => l.sweep({ now: at }),
    });
    invoked.MongoNotificationInbox = await exercise(recording, 'MongoNotificationInbox', inbox, {
      add: (r) =>
        r.add({
          id: 'evt-1:site',
          recipient: APPLICANT.subject,
          tenant: '620321',
          kind: 'accepted',
          caseId: c.id,
          caseNumber: c.caseNumber,
          itemName: c.itemName,
          title: '受理通知：食品经营许可',
          text: '已受理',
          createdAt: at,
        }),
      listFor: async (r) => {
        await r.listFor(APPLICANT.subject, { unreadOnly: false }, 0, 20);
        await r.listFor(APPLICANT.subject, { unreadOnly: true }, 20, 20);
      },
      markRead: async (r) => {
        await r.markRead(APPLICANT.subject, ['evt-1:site'], at);
        await r.markRead(APPLICANT.subject, 'all', at);
      },
      unreadCount: (r) => r.unreadCount(APPLICANT.subject),
      expire: (r) => r.expire(at, 365 * 86_400_000),
    });
  });

  it.each([
    ['MongoCaseRepository', MongoCaseRepository],
    ['MongoCaseQueries', MongoCaseQueries],
    ['MongoDeemedAcceptanceQueue', MongoDeemedAcceptanceQueue],
    ['MongoCaseNumbers', MongoCaseNumbers],
    ['MongoCaseFiles', MongoCaseFiles],
    ['MongoCaseSettings', MongoCaseSettings],
    ['MongoLicenceLibrary', MongoLicenceLibrary],
    ['CatalogueEditions', CatalogueEditions],
    ['StoredDocumentIssuer', StoredDocumentIssuer],
    ['NotificationLedger', NotificationLedger],
    ['MongoNotificationInbox', MongoNotificationInbox],
  ] as const)('exercises every public method of %s', (name, cls) => {
    expect(invoked[name]).toEqual(publicMethods(cls).filter((m) => !PRIVATE[name]?.includes(m)));
  });

  it('records the queries of the reads, the versioned writes, the counters and the retry paths', () => {
    const sources = new Set(recording.queries.map((q) => q.source?.split('.')[0]));
    expect([...sources].sort()).toEqual(Object.keys(invoked).sort());
    expect(recording.queries.filter((q) => q.collection === 'cases').length).toBeGreaterThanOrEqual(14);
  });

  it("serves every query from a declared index (the cases' and the notification ledger's schemas included)", () => {
    expect(recording.schemas.get('cases')).toBe(caseSchema);
    expect([...recording.schemas.values()]).toContain(notificationSchema);
    expectEveryQueryCovered(recording.queries, Object.fromEntries(recording.schemas));
  });
});
