import type { Case } from '../../domain/case';
import { currentDueDate, myList, queueKeysOf, receivedMonth } from '../../domain/case-lists';

/**
 * Top-level copies the lists filter and sort on, written with every insert and save of a case (FerretDB pushes
 * down only top-level equalities; docs/store-rules.md). Derived from the case alone, so they are never stale.
 */
export function caseQueryFields(c: Case) {
  return {
    ownerSubject: c.applicant.subject,
    myList: myList(c),
    queues: queueKeysOf(c),
    dueDate: currentDueDate(c),
    receivedMonth: receivedMonth(c),
  };
}

/** Storage-only fields, never part of the entity read back. */
export const QUERY_FIELD_PROJECTION = {
  ownerSubject: 0,
  myList: 0,
  queues: 0,
  dueDate: 0,
  receivedMonth: 0,
} as const;
