import type { Case } from '../domain/case';
import {
  currentDueDate,
  myList,
  queueKey,
  queueKeysOf,
  receivedMonth,
  type MyList,
  type QueueKind,
} from '../domain/case-lists';
import type { CaseQueries, QueueSelector } from './queries.ports';

/** The lists over an array, by the same query fields the store writes (unit tests only). */
export class InMemoryCaseQueries implements CaseQueries {
  constructor(readonly cases: Case[] = []) {}

  async listMine(ownerSubject: string, list: MyList, offset: number, limit: number) {
    const all = this.cases
      .filter((c) => c.applicant.subject === ownerSubject && myList(c) === list)
      .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
    return { cases: all.slice(offset, offset + limit), total: all.length };
  }

  async listQueue(tenant: string, queue: QueueSelector, kind: QueueKind | undefined, offset: number, limit: number) {
    const key = queueKey(tenant, queue, kind);
    const all = this.cases
      .filter((c) => queueKeysOf(c).includes(key))
      .sort((a, b) => currentDueDate(a).localeCompare(currentDueDate(b)));
    return { cases: all.slice(offset, offset + limit), total: all.length };
  }

  async ledger(tenant: string, month: string, department: string | undefined) {
    return this.cases
      .filter((c) => c.tenant === tenant && receivedMonth(c) === month && (!department || c.department === department))
      .sort((a, b) => a.caseNumber.localeCompare(b.caseNumber));
  }
}
