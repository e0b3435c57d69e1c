import { SHARED_CASE } from '../cases/shared-case.test-double';
import type { Attachment, Task } from '../tasks/task';
import type { JointReview } from './joint-review';
import { formPart, materialFile, reviewAttachments, sharedDossier } from './shared-view';

const attachment = (id: string): Attachment => ({
  id,
  fileName: `${id}.pdf`,
  contentType: 'application/pdf',
  size: 10,
  sha256: 'd'.repeat(64),
  uploadedBy: 'x',
  uploadedAt: new Date('2026-06-05T00:00:00Z'),
});

const task = (department: string, share: Partial<Task> = {}): Task => ({
  id: `t-${department}`,
  kind: 'co_review',
  tenant: '620300',
  department,
  aggregateId: 'r-1',
  caseId: 'case-1',
  caseNumber: 'N1',
  itemName: '食品经营许可',
  stage: 1,
  required: true,
  state: 'open',
  assignee: '',
  budgetWorkingDays: 5,
  dueDate: '2026-06-11',
  legId: '',
  note: '',
  version: 1,
  ...share,
});

const review = {
  id: 'r-1',
  tenant: '620300',
  caseId: 'case-1',
  caseNumber: 'N1',
  itemName: '食品经营许可',
  leadDepartment: 'SCJ',
  casePromisedDueDate: '2026-06-25',
  meetingIds: [],
  tasks: [
    task('XFJ', { formFields: ['fire', 'shopName'], materialIds: ['fire-plan'] }),
    task('HBJ', { formFields: ['sewage.dailyTons', 'owner.name'] }),
  ],
} as unknown as JointReview;

describe('a department’s part of the form (J11)', () => {
  const form = JSON.stringify({ a: 1, b: { c: 2, d: 3 }, e: [1, 2] });

  it('holds only the named dotted paths, nested as in the form; a path the form lacks is left out', () => {
    expect(JSON.parse(formPart(form, ['b.c', 'e', 'x.y', 'a.z']))).toEqual({ b: { c: 2 }, e: [1, 2] });
  });

  it('no paths named: the whole form; a form that is not JSON: an empty part', () => {
    expect(formPart(form, [])).toBe(form);
    expect(formPart('not json', ['a'])).toBe('{}');
    expect(formPart('[1,2]', ['0'])).toBe('{}');
  });
});

describe('what a viewer sees of the case (J14)', () => {
  it('a co-department: its part of the form only, its marked materials, every department’s result', () => {
    const d = sharedDossier(review, SHARED_CASE, { kind: 'department', department: 'XFJ' });
    expect(d.formData).toBe('');
    expect(d.formParts).toEqual([
      { department: 'XFJ', formData: JSON.stringify({ fire: { exits: 2, extinguishers: 4 }, shopName: '联办小吃店' }) },
    ]);
    expect(d.materials.map((m) => m.materialId)).toEqual(['fire-plan']);
    expect(d.results.map((t) => t.department)).toEqual(['XFJ', 'HBJ']);
    expect(d.applicant).toEqual(SHARED_CASE.applicant);
    expect(d.acceptedAt).toEqual(SHARED_CASE.acceptedAt);
  });

  it('a co-department marked no materials sees every one, each with the departments it is marked for', () => {
    const d = sharedDossier(review, SHARED_CASE, { kind: 'department', department: 'HBJ' });
    expect(d.formParts).toEqual([{ department: 'HBJ', formData: JSON.stringify({ sewage: { dailyTons: 3 } }) }]);
    expect(d.materials.map((m) => [m.materialId, m.markedFor])).toEqual([
      ['licence', ['HBJ']],
      ['fire-plan', ['XFJ', 'HBJ']],
      ['eia', ['HBJ']],
    ]);
  });

  it('the lead and the center: the whole form, every department’s part, every material', () => {
    for (const viewer of [{ kind: 'whole' as const }, { kind: 'department' as const, department: 'SCJ' }]) {
      const d = sharedDossier(review, SHARED_CASE, viewer);
      expect(d.formData).toBe(SHARED_CASE.formData);
      expect(d.formParts.map((p) => p.department)).toEqual(['XFJ', 'HBJ']);
      expect(d.materials).toHaveLength(3);
    }
  });

  it('a department without a task sees no part and only unmarked materials (access is the use case’s)', () => {
    const d = sharedDossier(review, SHARED_CASE, { kind: 'department', department: 'GTJ' });
    expect(d.formParts).toEqual([]);
    expect(d.formData).toBe('');
  });

  it('a file id is a material file only when the viewer sees that material', () => {
    const xfj = sharedDossier(review, SHARED_CASE, { kind: 'department', department: 'XFJ' });
    expect(materialFile(xfj, 'f-fire')?.fileName).toBe('消防平面图.png');
    expect(materialFile(xfj, 'f-licence')).toBeUndefined();
    expect(materialFile(xfj, '')).toBeUndefined();
  });

  it('the review’s attachments: opinions, decisions, the conclusion and the minutes given', () => {
    const withFiles = {
      ...review,
      tasks: [
        task('XFJ', {
          opinion: {
            kind: 'agree',
            text: '同意',
            reasons: [],
            conditions: [],
            attachments: [attachment('op')],
            givenBy: 'x',
            handlerName: '',
            givenAt: new Date(),
            source: 'workbench',
            meetingId: '',
          },
        }),
      ],
      conclusion: { attachments: [attachment('con')] },
    } as unknown as JointReview;
    expect(reviewAttachments(withFiles, [attachment('min')]).map((a) => a.id)).toEqual(['op', 'con', 'min']);
    expect(reviewAttachments(review)).toEqual([]);
  });
});
