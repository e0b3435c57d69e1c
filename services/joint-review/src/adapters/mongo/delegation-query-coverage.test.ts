import { expectEveryQueryCovered } from '@govhall/mongo';
import { exercise, publicMethods, RecordingConnection } from '@govhall/mongo/src/recording-connection.test-double';
import type { Agreement } from '../../domain/delegation/agreement';
import type { DelegatedCase } from '../../domain/delegation/delegated-case';
import { agreementKeys, MongoAgreementRepository } from './agreement.repository';
import { agreementSchema } from './agreement.schema';
import { delegatedCaseListKeys, MongoDelegatedCaseRepository } from './delegated-case.repository';
import { delegatedCaseSchema } from './delegated-case.schema';

/* Every query of the delegation repositories is served by an index their schemas declare (docs/store-rules.md). */

const at = new Date('2026-06-04T02:00:00Z');
const agreement: Agreement = {
  id: 'a-1',
  tenant: '620300',
  department: '620300-LYJ',
  agreementNumber: '永委代〔2026〕1号',
  items: [{ itemSeriesId: 's-1', itemName: '林木采伐许可', itemBasicCode: '000123456001' }],
  windowIds: ['w-zh'],
  transferWorkingDays: 2,
  replyWorkingDays: 1,
  signedOn: '2026-06-01',
  validFrom: '2026-06-01',
  validUntil: '',
  documents: [],
  state: 'active',
  terminatedReason: '',
  terminatedOn: '',
  createdBy: 'center.admin',
  createdAt: at,
  updatedAt: at,
  version: 1,
  requestId: 'agreement-0001',
  requestFingerprint: 'f',
};
const delegatedCase: DelegatedCase = {
  id: 'dc-1',
  tenant: '620300',
  caseId: 'case-1',
  caseNumber: 'C-1',
  itemName: '林木采伐许可',
  itemBasicCode: '000123456001',
  department: '620300-LYJ',
  agreementId: 'a-1',
  windowId: 'w-zh',
  state: 'at_center',
  preReviewOpinion: '',
  transferredBy: '',
  legs: [],
  cancelledReason: '',
  acceptedAt: at,
  updatedAt: at,
  version: 1,
  casePromisedDueDate: '2026-06-30',
  replyWorkingDays: 1,
};
const page = { pageSize: 10, pageToken: '' };

describe('the delegation collections', () => {
  it('serve every query of the agreement repository from a declared index', async () => {
    const recording = new RecordingConnection();
    const repo = new MongoAgreementRepository(recording.connection);
    const invoked = await exercise(recording, 'MongoAgreementRepository', repo, {
      insert: async (r) => {
        await r.insert(agreement);
        await recording.withDuplicateKeys(() => r.insert(agreement)).catch(() => undefined);
      },
      findById: (r) => r.findById('a-1'),
      findByRequest: (r) => r.findByRequest('620300', 'agreement-0001'),
      save: (r) => r.save({ ...agreement, version: 2 }, 1),
      list: async (r) => {
        await r.list({ tenant: '620300' }, page);
        await r.list({ tenant: '620300', department: '620300-LYJ', state: 'active', itemSeriesId: 's-1' }, page);
      },
      coveringSeries: (r) => r.coveringSeries('620300', 's-1'),
    });
    expect(invoked).toEqual(publicMethods(MongoAgreementRepository));
    expectEveryQueryCovered(recording.queries, [agreementSchema]);
  });

  it('serve every query of the delegated case repository from a declared index', async () => {
    const recording = new RecordingConnection();
    const repo = new MongoDelegatedCaseRepository(recording.connection);
    const invoked = await exercise(recording, 'MongoDelegatedCaseRepository', repo, {
      insert: async (r) => {
        await r.insert(delegatedCase, []);
        await recording.withDuplicateKeys(() => r.insert(delegatedCase, [])).catch(() => undefined);
      },
      findById: (r) => r.findById('dc-1'),
      findByCase: (r) => r.findByCase('620300', 'case-1'),
      findByTaskId: (r) => r.findByTaskId('t-1'),
      save: (r) => r.save({ ...delegatedCase, version: 2 }, 1, []),
      list: (r) => r.list({ tenant: '620300', department: '620300-LYJ', states: ['at_center', 'replying'] }, page),
      acceptedBetween: (r) => r.acceptedBetween('620300', at, at, '620300-LYJ'),
    });
    expect(invoked).toEqual(publicMethods(MongoDelegatedCaseRepository));
    expectEveryQueryCovered(recording.queries, [delegatedCaseSchema]);
  });

  it('keys agreements by item series and list, delegated cases by department and window in their state', () => {
    expect(agreementKeys(agreement)).toEqual({
      seriesKeys: ['620300|s-1'],
      listKeys: ['620300||', '620300||active', '620300|620300-LYJ|', '620300|620300-LYJ|active'],
    });
    expect(delegatedCaseListKeys(delegatedCase)).toEqual([
      '620300|||at_center',
      '620300|620300-LYJ||at_center',
      '620300||w-zh|at_center',
      '620300|620300-LYJ|w-zh|at_center',
    ]);
  });
});
