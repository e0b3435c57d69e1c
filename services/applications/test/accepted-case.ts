import { randomInt, randomUUID } from 'node:crypto';
import { chinaToday, createWorkingCalendar } from '@govhall/calendar';
import { toDocument } from '@govhall/mongo';
import { validItemFixture } from '../../catalogue/src/domain/item.test-double';
import type { Case, CaseStep } from '../src/domain/case';
import { draftCase } from '../src/domain/case.test-double';
import { SCJG, type Applicant, type CasesWorld } from './cases-world';

/**
 * A 食品经营许可 case of `applicant` as AcceptCase leaves it today (受理 done by yc-clerk, 审查 active — or the step
 * `active` with those before it done; promised 10 /
 * statutory 20 working days), put straight into the cases service's database: what the window's acts leave, for
 * tests whose subject comes after acceptance. The item `itemId` must be the fixture item (validItemFixture).
 */
export async function putAcceptedCase(
  world: CasesWorld,
  applicant: Applicant,
  itemId: string,
  active = 1,
): Promise<Case> {
  const calendar = createWorkingCalendar();
  const today = chinaToday();
  const workflow = validItemFixture().content.workflow;
  const steps: CaseStep[] = workflow.map((s, index) => ({
    index,
    name: s.name,
    role: s.role,
    budgetWorkingDays: s.budgetWorkingDays,
    department: SCJG,
    state: index < active ? 'done' : index === active ? 'active' : 'pending',
    dueDate: index === active ? calendar.addWorkingDaysProvisional(today, s.budgetWorkingDays).date : '',
    handledBy: index < active ? 'yc-clerk' : '',
    opinion: '',
  }));
  const deadline = (limit: number) => ({
    dueDate: calendar.addWorkingDaysProvisional(today, limit).date,
    startDate: today,
    limitWorkingDays: limit,
    extensionWorkingDays: 0,
    suspendedWorkingDays: 0,
    provisional: false,
    skipped: [],
    explanation: '',
  });
  const c = draftCase({
    id: randomUUID(),
    caseNumber: `620321${today.replace(/-/g, '')}${String(randomInt(1e4)).padStart(4, '0')}`,
    itemId,
    itemName: '食品经营许可',
    itemBasicCode: validItemFixture().basicCode,
    department: SCJG,
    applicant: {
      kind: 'natural_person',
      personId: applicant.person.id,
      name: applicant.name,
      idCode: applicant.idNumber,
      subject: applicant.person.subject,
      agentPersonId: '',
      agentName: '',
      agentSubject: '',
      agentGrantId: '',
    },
    createdBy: applicant.idNumber,
    status: 'processing',
    version: 4,
    windowId: 'w-1',
    steps,
    clocks: {
      receivedDate: today,
      acceptedDate: today,
      noticeDueDate: '',
      promised: deadline(10),
      statutory: deadline(20),
    },
    submittedAt: new Date(),
  });
  await world
    .collection('cases')
    .insertOne(toDocument(c, { idempotencyKey: `fx-${c.id}`, ownerSubject: c.applicant.subject, outbox: [] }) as never);
  return c;
}
