import { applicationsV1 } from '@govhall/proto';
import { checkCaseStream, type Delivered, type StoredCase } from './case-stream-check';

// The checker itself must be able to fail: each fault a crash could leave behind is built by hand and must be
// named. (No stack needed; it lives beside the crash test that uses it.)

const S = applicationsV1.CaseStatus;
const T = applicationsV1.Transition;
const at = (n: number) => new Date(Date.UTC(2026, 2, 2, 1, 0, n));
const entry = (from: applicationsV1.CaseStatus, to: applicationsV1.CaseStatus, n: number) => ({
  action: '',
  fromStatus: from,
  toStatus: to,
  actor: 'clerk',
  actorRole: 'window_clerk',
  at: at(n),
  reason: '',
  documentIds: [],
});
const event = (
  eventId: string,
  version: number,
  transition: applicationsV1.Transition,
  from: applicationsV1.CaseStatus,
  to: applicationsV1.CaseStatus,
  n: number,
  offset = n,
): Delivered => ({
  eventId,
  aggregateId: 'c1',
  aggregateVersion: version,
  occurredAt: at(n),
  partition: 0,
  offset: String(offset),
  transition,
  fromStatus: from,
  toStatus: to,
});

const stored: StoredCase = {
  id: 'c1',
  version: 3,
  history: [
    entry(S.CASE_STATUS_DRAFT, S.CASE_STATUS_PRE_REVIEW, 1),
    entry(S.CASE_STATUS_PRE_REVIEW, S.CASE_STATUS_PRE_REVIEW, 2),
    entry(S.CASE_STATUS_PRE_REVIEW, S.CASE_STATUS_PROCESSING, 3),
  ],
};
const registered = event('e1', 1, T.TRANSITION_REGISTERED_AT_COUNTER, S.CASE_STATUS_DRAFT, S.CASE_STATUS_PRE_REVIEW, 1);
const corrected = event(
  'e2',
  2,
  T.TRANSITION_CORRECTED_ON_THE_SPOT,
  S.CASE_STATUS_PRE_REVIEW,
  S.CASE_STATUS_PRE_REVIEW,
  2,
);
const accepted = event('e3', 3, T.TRANSITION_ACCEPTED, S.CASE_STATUS_PRE_REVIEW, S.CASE_STATUS_PROCESSING, 3);
const journal = (...ids: string[]) => ids.map((eventId) => ({ eventId, aggregateId: 'c1' }));

describe('the case stream checker', () => {
  it('finds nothing wrong when history, stream and journal agree, and counts a redelivery without faulting it', () => {
    const report = checkCaseStream({
      cases: [stored],
      delivered: [registered, corrected, accepted, { ...corrected, offset: '9' }],
      journal: journal('e1', 'e2', 'e3'),
      expected: new Map([
        ['c1', [T.TRANSITION_REGISTERED_AT_COUNTER, T.TRANSITION_CORRECTED_ON_THE_SPOT, T.TRANSITION_ACCEPTED]],
      ]),
    });
    expect(report).toEqual({
      cases: 1,
      transitions: 3,
      events: 3,
      deliveries: 4,
      duplicateDeliveries: 1,
      duplicatedEventIds: ['e2'],
      problems: [],
    });
  });

  it('ignores the applicant’s edits of a draft and events of other cases', () => {
    const withDraft = { ...stored, history: [entry(S.CASE_STATUS_DRAFT, S.CASE_STATUS_DRAFT, 0), ...stored.history] };
    const other = { ...accepted, eventId: 'x', aggregateId: 'c2' };
    expect(
      checkCaseStream({ cases: [withDraft], delivered: [registered, corrected, accepted, other] }).problems,
    ).toEqual([]);
  });

  it('names a transition stored without its event (the outbox lost it)', () => {
    const report = checkCaseStream({
      cases: [stored],
      delivered: [registered, accepted],
      journal: journal('e1', 'e3'),
    });
    expect(report.problems).toEqual([
      expect.stringMatching(/transition #2 .* does not match event e3/),
      expect.stringMatching(/transition #3 \(PRE_REVIEW → PROCESSING.*\) has no event/),
    ]);
  });

  it('names an event whose transition is not in the history (published, then the state write lost)', () => {
    const short = { ...stored, version: 2, history: stored.history.slice(0, 2) };
    const report = checkCaseStream({ cases: [short], delivered: [registered, corrected, accepted] });
    expect(report.problems).toEqual([
      expect.stringMatching(/event e3 \(ACCEPTED .*\) has no transition/),
      expect.stringMatching(/event e3 at version 3 beyond the case's 2/),
    ]);
  });

  it('names a transition applied twice (two events at one version, or more than the test drove)', () => {
    const twice = {
      ...stored,
      history: [...stored.history, entry(S.CASE_STATUS_PRE_REVIEW, S.CASE_STATUS_PROCESSING, 4)],
    };
    const again = { ...accepted, eventId: 'e4', occurredAt: at(4), offset: '4' };
    const report = checkCaseStream({
      cases: [twice],
      delivered: [registered, corrected, accepted, again],
      expected: new Map([
        ['c1', [T.TRANSITION_REGISTERED_AT_COUNTER, T.TRANSITION_CORRECTED_ON_THE_SPOT, T.TRANSITION_ACCEPTED]],
      ]),
    });
    expect(report.problems).toEqual([
      'case c1: ACCEPTED published twice at version 3',
      expect.stringMatching(/published REGISTERED_AT_COUNTER → CORRECTED_ON_THE_SPOT → ACCEPTED → ACCEPTED, expected/),
    ]);
  });

  it('names events out of order, and a journal that missed, doubled or invented an event', () => {
    const report = checkCaseStream({
      cases: [stored],
      delivered: [registered, { ...accepted, offset: '2' }, { ...corrected, offset: '3' }],
      journal: journal('e1', 'e2', 'e2', 'ghost'),
    });
    expect(report.problems).toEqual([
      expect.stringMatching(/transition #2 .* does not match event e3/),
      expect.stringMatching(/transition #3 .* does not match event e2/),
      'case c1: event e2 at version 2 after 3',
      'journal: event ghost of case c1 was never delivered',
      'journal: event e2 recorded 2 times',
      'journal: event e3 not recorded',
    ]);
  });
});
