import type { Principal } from '@govhall/auth';
import { expectEveryQueryCovered } from '@govhall/mongo';
import { exercise, publicMethods, RecordingConnection } from '@govhall/mongo/src/recording-connection.test-double';
import type { Meeting } from '../../domain/meetings/meeting';
import { meetingListKeys, MongoMeetingRepository } from './meeting.repository';
import { meetingSchema } from './meeting.schema';

/* Every query of the meeting repository is served by an index meetingSchema declares (docs/store-rules.md). */

const at = new Date('2026-06-04T02:00:00Z');
const meeting: Meeting = {
  id: 'm-1',
  tenant: '620300',
  kind: 'case_review',
  state: 'scheduled',
  subject: '会议联审',
  scheduledAt: at,
  location: '',
  convenedBy: 'center.admin',
  agenda: [{ id: '1', title: '议题', reviewId: 'jr-1', caseNumber: '', note: '' }],
  participants: [{ department: '620300-XFJ', attendees: [], attended: false }],
  minutes: '',
  minutesAttachments: [],
  positions: [],
  outcomes: [],
  projectId: '',
  note: '',
  requestId: 'convene-0001',
  requestFingerprint: 'f',
  version: 1,
  createdAt: at,
  updatedAt: at,
};
const actor: Principal = {
  kind: 'user',
  subject: 'a',
  username: 'center.admin',
  tenant: '620300',
  roles: ['center_admin'],
  clientId: 'govhall-workbench',
};
const page = { pageSize: 10, pageToken: '' };

describe('the joint meetings collection', () => {
  it('serves every query of the meeting repository from a declared index', async () => {
    const recording = new RecordingConnection();
    const repo = new MongoMeetingRepository(recording.connection);
    const invoked = await exercise(recording, 'MongoMeetingRepository', repo, {
      insert: async (r) => {
        await r.insert(meeting, [], actor);
        await recording.withDuplicateKeys(() => r.insert(meeting, [], actor)).catch(() => undefined);
      },
      findById: (r) => r.findById('m-1'),
      findByRequest: (r) => r.findByRequest('620300', 'convene-0001'),
      save: (r) => r.save({ ...meeting, version: 2 }, 1, [], actor),
      list: async (r) => {
        await r.list({ tenant: '620300' }, page);
        await r.list({ tenant: '620300', department: '620300-XFJ', state: 'held', reviewId: 'jr-1' }, page);
      },
    });
    expect(invoked).toEqual(publicMethods(MongoMeetingRepository));
    expectEveryQueryCovered(recording.queries, [meetingSchema]);
  });

  it("keys a meeting for the tenant's and each invited department's lists, in any state and its own", () => {
    expect(meetingListKeys(meeting)).toEqual([
      '620300||',
      '620300||scheduled',
      '620300|620300-XFJ|',
      '620300|620300-XFJ|scheduled',
    ]);
  });
});
