import { NotFoundError } from '@govhall/errors';
import type { JointFlow } from '../../domain/reviews/joint-flow';
import type { Attachment } from '../../domain/tasks/task';
import {
  handed,
  HBJ,
  hbjLead,
  hbjSystem,
  leadClerk,
  otherTenantSystem,
  SCJ,
  staff,
  system,
  taskOf,
  TENANT,
  world,
  XFJ,
  xfjLead,
} from '../review-world.test-double';

// J14 / J11: the shared view of a joint case (GetSharedView, GetSharedFile), a department system's task files
// (GetTaskFile) and PullTasks' dossiers, over the cases service in memory.

const flow: JointFlow = {
  tenant: TENANT,
  itemSeriesId: 'series-1',
  itemName: '食品经营许可',
  leadDepartment: SCJ,
  leadWindowId: 'w-scj',
  participants: [
    {
      department: XFJ,
      stage: 1,
      budgetWorkingDays: 5,
      required: true,
      formFields: ['fire'],
      materialIds: ['fire-plan'],
    },
    { department: HBJ, stage: 1, budgetWorkingDays: 5, required: true, formFields: ['sewage'], materialIds: [] },
  ],
  meetingExpected: false,
  configured: true,
  version: 1,
  updatedBy: 'admin',
};

const center = staff('center.admin', '', ['center_admin']);
const supervisor = staff('auditor', '', ['supervisor']);
const bystander = staff('gtj.clerk', '620300-GTJ', ['window_clerk']);
const otherTenantClerk = staff('scj.clerk', SCJ, ['window_clerk'], '620321');
const xfjSystem = system('dept-xfj', XFJ);
const centerAccount = system('jr-center', '');

const attachment = (id: string): Attachment => ({
  id,
  fileName: `${id}意见.pdf`,
  contentType: 'application/pdf',
  size: 4,
  sha256: 'e'.repeat(64),
  uploadedBy: 'hbj.lead',
  uploadedAt: new Date('2026-06-05T00:00:00Z'),
});

async function openedWorld() {
  const w = world({ flow });
  const { review } = await w.open(handed);
  return { w, review };
}

describe('the shared view (GetSharedView)', () => {
  it('a co-department sees the applicant, its part of the form, its marked materials and every result', async () => {
    const { w, review } = await openedWorld();
    const { dossier } = await w.sharedView({ reviewId: review.id }, xfjLead);
    expect(dossier.applicant).toMatchObject({ name: '酒泉市联办餐饮有限公司', idCode: '91620300MA7XXXXX1X' });
    expect(dossier.formData).toBe('');
    expect(dossier.formParts).toEqual([
      { department: XFJ, formData: JSON.stringify({ fire: { exits: 2, extinguishers: 4 } }) },
    ]);
    expect(dossier.materials.map((m) => m.materialId)).toEqual(['fire-plan']);
    expect(dossier.results.map((t) => t.department).sort()).toEqual([HBJ, XFJ].sort());
  });

  it('another department’s opinion shows once given', async () => {
    const { w, review } = await openedWorld();
    const hbjTask = taskOf(review, HBJ);
    await w.submit(
      {
        taskId: hbjTask.id,
        expectedVersion: hbjTask.version,
        kind: 'agree',
        text: '排污符合要求',
        reasons: [],
        conditions: [],
        attachmentIds: [],
      },
      hbjLead,
    );
    const { dossier } = await w.sharedView({ reviewId: review.id }, xfjLead);
    expect(taskOf({ ...review, tasks: dossier.results }, HBJ).opinion).toMatchObject({
      kind: 'agree',
      text: '排污符合要求',
    });
  });

  it('the lead and the center see the whole form and every part', async () => {
    const { w, review } = await openedWorld();
    for (const actor of [leadClerk, center]) {
      const { dossier } = await w.sharedView({ reviewId: review.id }, actor);
      expect(dossier.formData).toBe(w.sharedCases.cases.get(`${TENANT}:case-1`)!.formData);
      expect(dossier.formParts.map((p) => p.department).sort()).toEqual([HBJ, XFJ].sort());
      expect(dossier.materials).toHaveLength(3);
    }
  });

  it('anyone else — a bystander department, supervisors, another tenant, a system — does not see it', async () => {
    const { w, review } = await openedWorld();
    for (const actor of [bystander, supervisor, otherTenantClerk, hbjSystem]) {
      await expect(w.sharedView({ reviewId: review.id }, actor)).rejects.toMatchObject({
        code: 'JOINT_REVIEW_NOT_FOUND',
      });
    }
    expect(w.sharedCases.reads).toBe(0);
  });

  it('an empty id is REQUIRED, an unknown one not found; nothing is read from the cases service', async () => {
    const { w } = await openedWorld();
    await expect(w.sharedView({ reviewId: ' ' }, xfjLead)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      violations: [{ path: 'reviewId', reason: 'REQUIRED' }],
    });
    await expect(w.sharedView({ reviewId: 'nope' }, xfjLead)).rejects.toThrow(NotFoundError);
    expect(w.sharedCases.reads).toBe(0);
  });

  it('a case the cases service does not answer is UNAVAILABLE, not an empty view', async () => {
    const { w, review } = await openedWorld();
    w.sharedCases.cases.clear();
    await expect(w.sharedView({ reviewId: review.id }, xfjLead)).rejects.toMatchObject({ code: 'CASES_UNAVAILABLE' });
  });
});

describe('a file of the shared view (GetSharedFile)', () => {
  it('a material file the caller sees comes from the cases service with its name and type', async () => {
    const { w, review } = await openedWorld();
    const file = await w.sharedFile({ reviewId: review.id, fileId: 'f-fire' }, xfjLead);
    expect(file).toEqual({ fileName: '消防平面图.png', contentType: 'image/png', content: Buffer.from('\x89PNG') });
    expect((await w.sharedFile({ reviewId: review.id, fileId: 'f-licence' }, center)).fileName).toBe('营业执照.pdf');
  });

  it('a material not marked for the caller, or an id not in the review, is FILE_NOT_FOUND', async () => {
    const { w, review } = await openedWorld();
    for (const fileId of ['f-licence', 'f-of-another-case']) {
      await expect(w.sharedFile({ reviewId: review.id, fileId }, xfjLead)).rejects.toMatchObject({
        code: 'FILE_NOT_FOUND',
      });
    }
  });

  it('an attachment of an opinion or of a meeting’s minutes is a file of the review', async () => {
    const { w, review } = await openedWorld();
    const stored = (await w.reviews.findById(review.id))!;
    const tasks = stored.tasks.map((t) =>
      t.department === HBJ
        ? {
            ...t,
            state: 'done' as const,
            opinion: {
              kind: 'agree' as const,
              text: '同意',
              reasons: [],
              conditions: [],
              attachments: [attachment('att-op')],
              givenBy: 'hbj.lead',
              handlerName: '',
              givenAt: new Date(),
              source: 'workbench' as const,
              meetingId: '',
            },
          }
        : t,
    );
    await w.reviews.save({ ...stored, tasks, meetingIds: ['m-1'] }, stored.version, []);
    w.minutes.byMeeting.set('m-1', [attachment('att-min')]);
    w.attachmentBytes.set('att-op', Buffer.from('%PDF-op'));
    w.attachmentBytes.set('att-min', Buffer.from('%PDF-min'));
    expect((await w.sharedFile({ reviewId: review.id, fileId: 'att-op' }, xfjLead)).content).toEqual(
      Buffer.from('%PDF-op'),
    );
    expect((await w.sharedFile({ reviewId: review.id, fileId: 'att-min' }, center)).fileName).toBe('att-min意见.pdf');
    await expect(w.sharedFile({ reviewId: review.id, fileId: 'att-op' }, bystander)).rejects.toMatchObject({
      code: 'JOINT_REVIEW_NOT_FOUND',
    });
  });

  it('empty ids are REQUIRED; outsiders do not see the review', async () => {
    const { w, review } = await openedWorld();
    await expect(w.sharedFile({ reviewId: '', fileId: '' }, xfjLead)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      violations: [
        { path: 'reviewId', reason: 'REQUIRED' },
        { path: 'fileId', reason: 'REQUIRED' },
      ],
    });
    for (const actor of [bystander, otherTenantClerk, supervisor]) {
      await expect(w.sharedFile({ reviewId: review.id, fileId: 'f-fire' }, actor)).rejects.toMatchObject({
        code: 'JOINT_REVIEW_NOT_FOUND',
      });
    }
  });
});

describe('a department system’s task file (GetTaskFile)', () => {
  it('the task’s department system gets a file its department sees; one not marked for it is FILE_NOT_FOUND', async () => {
    const { w, review } = await openedWorld();
    const task = taskOf(review, XFJ);
    expect((await w.taskFile({ taskId: task.id, fileId: 'f-fire' }, xfjSystem)).content).toEqual(
      Buffer.from('\x89PNG'),
    );
    await expect(w.taskFile({ taskId: task.id, fileId: 'f-eia' }, xfjSystem)).rejects.toMatchObject({
      code: 'FILE_NOT_FOUND',
    });
  });

  it('another department’s or tenant’s system: TASK_NOT_FOUND; a person or a center account: ROLE_REQUIRED', async () => {
    const { w, review } = await openedWorld();
    const task = taskOf(review, XFJ);
    for (const actor of [hbjSystem, otherTenantSystem]) {
      await expect(w.taskFile({ taskId: task.id, fileId: 'f-fire' }, actor)).rejects.toMatchObject({
        code: 'TASK_NOT_FOUND',
      });
    }
    for (const actor of [xfjLead, centerAccount]) {
      await expect(w.taskFile({ taskId: task.id, fileId: 'f-fire' }, actor)).rejects.toMatchObject({
        code: 'ROLE_REQUIRED',
      });
    }
  });

  it('empty ids are REQUIRED; an unknown task is TASK_NOT_FOUND', async () => {
    const { w } = await openedWorld();
    await expect(w.taskFile({ taskId: '', fileId: 'f-fire' }, xfjSystem)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      violations: [{ path: 'taskId', reason: 'REQUIRED' }],
    });
    await expect(w.taskFile({ taskId: 'nope', fileId: 'f-fire' }, xfjSystem)).rejects.toMatchObject({
      code: 'TASK_NOT_FOUND',
    });
  });
});

describe('PullTasks’ dossiers', () => {
  const pull = {
    tenant: '',
    department: '',
    states: [],
    kinds: [],
    includeDossier: true,
    page: { pageSize: 0, pageToken: '' },
  };

  it('hold the department’s share of the case: applicant, its part, its materials, every result', async () => {
    const { w } = await openedWorld();
    const [pulled] = (await w.system.pullTasks(pull, xfjSystem)).tasks;
    expect(pulled!.dossier).toMatchObject({
      caseId: handed.caseId,
      applicant: { name: '酒泉市联办餐饮有限公司', mobile: '13909351234' },
      formData: '',
      formParts: [{ department: XFJ, formData: JSON.stringify({ fire: { exits: 2, extinguishers: 4 } }) }],
    });
    expect(pulled!.dossier!.materials.map((m) => m.materialId)).toEqual(['fire-plan']);
  });

  it('read the case once per review of the page; without dossiers not at all', async () => {
    const { w } = await openedWorld();
    await w.system.pullTasks({ ...pull, includeDossier: false }, xfjSystem);
    expect(w.sharedCases.reads).toBe(0);
    await w.system.pullTasks(pull, xfjSystem);
    expect(w.sharedCases.reads).toBe(1);
  });

  it('a case the cases service no longer knows gives the results only', async () => {
    const { w } = await openedWorld();
    w.sharedCases.cases.clear();
    const [pulled] = (await w.system.pullTasks(pull, xfjSystem)).tasks;
    expect(pulled!.dossier!.applicant).toBeUndefined();
    expect(pulled!.dossier!.results).toHaveLength(2);
  });
});
